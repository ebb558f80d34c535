// What a download notification says and whether to show one: decisions only, no service worker
// APIs, so they are unit-tested.
import type { Download } from '../src/db/schema.ts';
import { DOWNLOADS_HREF, episodeHref } from '../src/shared/app-routes.ts';

/** What the notification carries for its click. */
export interface DownloadNotificationData {
  episodeId: string;
  /** The app address to open when no window is open. */
  url: string;
}

/** A notification ready for `registration.showNotification(title, options)`. */
export interface DownloadNotification {
  title: string;
  options: NotificationOptions & { data: DownloadNotificationData };
}

/** No notification while a window of the app is visible: it already shows the result. */
export function shouldNotify(windows: readonly { visibilityState: string }[]): boolean {
  return !windows.some((window) => window.visibilityState === 'visible');
}

/** The notification for a finished or failed download, one per episode (a later one replaces it). */
export function downloadNotification(
  download: Pick<Download, 'episodeId' | 'title' | 'artworkUrl' | 'failureMessage'>,
  outcome: 'downloaded' | 'failed',
  podcastId: string | undefined,
): DownloadNotification {
  const downloaded = outcome === 'downloaded';
  return {
    title: `${downloaded ? 'Downloaded' : 'Download failed'}: ${download.title}`,
    options: {
      body: downloaded
        ? 'Ready to play, even offline.'
        : (download.failureMessage ?? 'Open Longwave to try again.'),
      icon: download.artworkUrl ?? '/pwa-192x192.png',
      badge: '/pwa-64x64.png',
      tag: `download:${download.episodeId}`,
      data: {
        episodeId: download.episodeId,
        url: podcastId ? episodeHref(podcastId, download.episodeId) : DOWNLOADS_HREF,
      },
    },
  };
}
