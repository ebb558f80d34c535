// Download notifications: shown when a background download ends while no app window is visible;
// a click opens or focuses the app on that episode.
import { getDownload } from '../src/db/downloads.ts';
import { getEpisode } from '../src/db/library.ts';
import type { WorkerMessage } from '../src/shared/messages.ts';
import {
  downloadNotification,
  shouldNotify,
  type DownloadNotificationData,
} from './download-notification.ts';

declare const self: ServiceWorkerGlobalScope;

/** Tells the listener a download ended, unless the app is on screen or notifications are off. */
export async function notifyDownloadSettled(
  episodeId: string,
  outcome: 'downloaded' | 'failed',
): Promise<void> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (!shouldNotify(windows)) return;
  const download = await getDownload(episodeId);
  if (!download) return;
  const episode = await getEpisode(episodeId);
  const { title, options } = downloadNotification(download, outcome, episode?.podcastId);
  // A notification that cannot be shown must not fail the download it reports on.
  await self.registration.showNotification(title, options).catch(() => undefined);
}

/** Opens the episode: in a window already open (focused, told by message), or a new one. */
export function onNotificationClick(event: NotificationEvent): void {
  event.notification.close();
  const data = event.notification.data as DownloadNotificationData | undefined;
  if (!data?.episodeId) return;
  event.waitUntil(
    (async () => {
      const [open] = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      if (!open) {
        await self.clients.openWindow(data.url);
        return;
      }
      const focused = await open.focus();
      const message: WorkerMessage = { type: 'OPEN_EPISODE', episodeId: data.episodeId };
      focused.postMessage(message);
    })(),
  );
}
