// Tells every context of the app (tabs, workers, the service worker) that a download's state
// changed, so the scheduler wakes on what matters and never on a progress write.
const CHANNEL = 'longwave-download-changes';

let sender: BroadcastChannel | undefined;

/** Says that the download of `episodeId` changed state (or appeared, or went). */
export function announceDownloadChange(episodeId: string): void {
  sender ??= new BroadcastChannel(CHANNEL);
  sender.postMessage({ episodeId });
}

/** Calls `listener` with the episode id of every announced change, this context's included. */
export function onDownloadChange(listener: (episodeId: string) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<{ episodeId?: unknown }>) => {
    if (typeof event.data?.episodeId === 'string') listener(event.data.episodeId);
  };
  return () => channel.close();
}
