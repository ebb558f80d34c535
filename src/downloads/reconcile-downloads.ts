// On start-up, match the browser's running downloads with the records in Dexie.
import { serviceWorkerRegistration } from '../sw-bridge.ts';
import { watchRunningBackgroundFetches } from './background-fetch-strategy.ts';

/** Re-attaches progress listeners to Background Fetches that ran while no page was open. */
export async function reconcileDownloads(): Promise<void> {
  const { backgroundFetch } = await serviceWorkerRegistration();
  if (backgroundFetch) await watchRunningBackgroundFetches(backgroundFetch);
}
