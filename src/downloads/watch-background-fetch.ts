// The page's view of a running Background Fetch: its progress events feed the live progress every
// tab shows (the service worker has no page to show it on).
import type { OurFetch } from './background-fetch-strategy.ts';
import { reportProgress } from './live-progress.ts';

const watched = new WeakSet<BackgroundFetchRegistration>();

/** Shows a running Background Fetch's progress while this page is open. */
export function watchBackgroundFetch({ episodeId, generation, registration }: OurFetch): void {
  if (watched.has(registration)) return;
  watched.add(registration);
  registration.addEventListener('progress', () => {
    if (registration.result !== '') return;
    reportProgress(
      episodeId,
      generation,
      registration.downloaded,
      registration.downloadTotal || undefined,
    );
  });
}
