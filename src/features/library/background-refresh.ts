// Fresh while closed: where the browser offers Periodic Background Sync (Chromium, installed app,
// permission granted) the service worker refreshes the library on the browser's schedule; and
// everywhere, opening the app or coming back to it refreshes the podcasts not refreshed within
// the listener's interval (Firefox and Safari have no background refresh at all).
import { getPodcast, listPodcasts } from '../../db/library.ts';
import { getSettingOrDefault } from '../../db/settings.ts';
import { downloadNewEpisodes } from '../../downloads/download-actions.ts';
import { FEED_REFRESH_TAG } from '../../shared/feed-refresh.ts';
import { serviceWorkerRegistration } from '../../sw-bridge.ts';
import { feedClient } from './library-actions.ts';

/**
 * Asks the browser to wake the service worker every `minutes` or so to refresh the library.
 * False where it cannot: no Periodic Background Sync, or no permission (Chrome grants it to
 * installed apps the listener uses).
 */
export async function registerPeriodicRefresh(minutes: number): Promise<boolean> {
  if (typeof navigator.serviceWorker === 'undefined') return false;
  const registration = await serviceWorkerRegistration();
  if (!registration.periodicSync) return false;
  const permission = await navigator.permissions
    .query({ name: 'periodic-background-sync' as PermissionName })
    .catch(() => undefined);
  if (permission?.state !== 'granted') return false;
  try {
    await registration.periodicSync.register(FEED_REFRESH_TAG, { minInterval: minutes * 60_000 });
    return true;
  } catch {
    return false;
  }
}

let running: Promise<void> | undefined;

/**
 * Refreshes, in the feed worker, every podcast not refreshed within the listener's interval, and
 * downloads their new episodes where asked. One run at a time; cheap when nothing is stale.
 */
export function refreshStaleNow(): Promise<void> {
  running ??= (async () => {
    try {
      const olderThan = (await getSettingOrDefault('refreshIntervalMinutes')) * 60_000;
      const now = Date.now();
      const stale = (await listPodcasts()).some(
        (podcast) => now - podcast.refreshedAt >= olderThan,
      );
      // Most opens find nothing stale: then the feed worker is not even started.
      if (!stale) return;
      const { feedWorker, unwrap } = await feedClient();
      const { outcomes } = unwrap(await feedWorker().refreshStale(olderThan));
      for (const outcome of outcomes) {
        const podcast = outcome.newest.length > 0 ? await getPodcast(outcome.podcastId) : undefined;
        if (podcast) await downloadNewEpisodes(podcast, outcome.newest);
      }
    } finally {
      running = undefined;
    }
  })();
  return running;
}
