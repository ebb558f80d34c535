// Every message between the page and the service worker, as one discriminated union.

/** Page → service worker. */
export type PageMessage = { type: 'SKIP_WAITING' };

/** Service worker → page. */
export type WorkerMessage =
  | { type: 'DOWNLOAD_SETTLED'; episodeId: string; outcome: 'downloaded' | 'failed' | 'cancelled' }
  | { type: 'OPEN_EPISODE'; episodeId: string };

const workerMessageTypes: ReadonlySet<string> = new Set<WorkerMessage['type']>([
  'DOWNLOAD_SETTLED',
  'OPEN_EPISODE',
]);

/** Narrows data from a `message` event to a message the service worker sends. */
export function isWorkerMessage(data: unknown): data is WorkerMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    workerMessageTypes.has((data as { type?: unknown }).type as string)
  );
}

/** Narrows data from a `message` event to a message the page sends. */
export function isPageMessage(data: unknown): data is PageMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'SKIP_WAITING'
  );
}
