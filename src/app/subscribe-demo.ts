// The built-in demo podcast, subscribed on the first run so there is something to play.
import { saveFeed } from '../db/feed-store.ts';
import { getSetting, setSetting } from '../db/settings.ts';
import { fetchFeed } from '../feeds/fetch-feed.ts';

/** Where the app's own server publishes the demo feed. */
export function demoFeedUrl(): string {
  return new URL('/demo/feed.xml', location.origin).href;
}

/** Subscribes to the demo podcast unless that was done before (even if later unsubscribed). */
export async function subscribeDemoOnce(): Promise<void> {
  if (await getSetting('demoSubscribed')) return;
  const url = demoFeedUrl();
  await saveFeed(url, await fetchFeed(url));
  await setSetting('demoSubscribed', true);
}
