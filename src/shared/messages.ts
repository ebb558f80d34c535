// Every message between the page and the service worker, as one discriminated union. (Download
// changes reach every context through a BroadcastChannel: src/db/download-changes.ts.)

/** Page → service worker. */
export type PageMessage = { type: 'SKIP_WAITING' };

/** Service worker → page. */
export type WorkerMessage = { type: 'OPEN_EPISODE'; episodeId: string };

/** Narrows data from a `message` event to a message the service worker sends. */
export function isWorkerMessage(data: unknown): data is WorkerMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'OPEN_EPISODE' &&
    typeof (data as { episodeId?: unknown }).episodeId === 'string'
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
