// Fresh while closed: Periodic Background Sync (Chromium, installed app) wakes the service worker
// now and then with no window open. Every subscription is refreshed as an automatic refresh
// (conditional requests; the host's Cache-Control and Retry-After respected), new episodes are
// downloaded where the podcast asks for it (download-new-in-background.ts), and one notification
// says what was found, if anything, with permission and no app window on screen.
import { getPodcast } from '../src/db/library.ts';
import { getSettingOrDefault } from '../src/db/settings.ts';
import { refreshStalePodcasts, type RefreshOutcome } from '../src/feeds/refresh-podcast-feed.ts';
import { FEED_REFRESH_TAG } from '../src/shared/feed-refresh.ts';
import { downloadNewInBackground } from './download-new-in-background.ts';
import { shouldNotify } from './download-notification.ts';
import { newEpisodesNotification, type PodcastNews } from './new-episodes-notification.ts';

declare const self: ServiceWorkerGlobalScope;

/** The periodicsync event: refreshes the library when the tag is the feed refresh's. */
export function onPeriodicSync(event: PeriodicSyncEvent): void {
  if (event.tag !== FEED_REFRESH_TAG) return;
  event.waitUntil(refreshInBackground());
}

/** Refreshes every subscription and notifies about what was found. */
export async function refreshInBackground(): Promise<void> {
  // The browser already spaced the wake-ups by the listener's interval: refresh every podcast.
  const { outcomes } = await refreshStalePodcasts(0);
  const found = outcomes.filter((outcome) => outcome.added > 0);
  // A download that cannot be queued must not keep the listener from hearing of the episodes.
  const waiting = await downloadNewInBackground(found).catch((error: unknown) => {
    console.error('Automatic downloads failed:', error);
    return new Map<string, number>();
  });
  await notifyNews(found, waiting);
}

async function notifyNews(
  outcomes: RefreshOutcome[],
  waiting: ReadonlyMap<string, number>,
): Promise<void> {
  if (outcomes.length === 0) return;
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (!(await getSettingOrDefault('notifyNewEpisodes'))) return;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (!shouldNotify(windows)) return;
  const news: PodcastNews[] = [];
  for (const outcome of outcomes) {
    const podcast = await getPodcast(outcome.podcastId);
    news.push({
      podcastId: outcome.podcastId,
      podcastTitle: podcast?.title ?? 'A podcast',
      artworkUrl: podcast?.artworkUrl,
      added: outcome.added,
      newest: outcome.newest,
      pausedDownloads: waiting.get(outcome.podcastId),
    });
  }
  const notification = newEpisodesNotification(news);
  // A notification that cannot be shown must not fail the refresh it reports on.
  if (notification) {
    await self.registration
      .showNotification(notification.title, notification.options)
      .catch(() => undefined);
  }
}
