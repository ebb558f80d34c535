// The feed worker's page side for unit tests: jsdom has no Worker, so the worker's interface runs
// on the test's own thread. Use as
// vi.mock('…/feed-worker-client.ts', async (importActual) =>
//   (await import('…/in-thread-feed-worker.ts')).inThreadFeedWorker(importActual));
import { feedWorkerApi } from '../../../../src/feeds/feed-worker-api.ts';
import type * as Client from '../../../../src/feeds/feed-worker-client.ts';

/** The client module with feedWorker() answering in-thread. */
export async function inThreadFeedWorker(
  importActual: <T>() => Promise<T>,
): Promise<typeof Client> {
  const actual = await importActual<typeof Client>();
  return {
    ...actual,
    feedWorker: () => feedWorkerApi as unknown as ReturnType<typeof Client.feedWorker>,
    callback: (fn) => fn,
  };
}
