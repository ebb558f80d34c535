// How many downloads run at once: the page's scheduler and the service worker's automatic
// downloads both keep to it. No DOM.
import { getSettingOrDefault } from '../db/settings.ts';

/** The listener's setting, within what Background Fetch allows (5 active fetches per site). */
export async function concurrencyLimit(): Promise<number> {
  const wanted = await getSettingOrDefault('concurrentDownloads');
  return Math.min(5, Math.max(1, wanted));
}
