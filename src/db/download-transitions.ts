// The download state machine: queued → downloading ⇄ paused → downloaded | failed | cancelled.
import type { DownloadState } from './schema.ts';

const allowed: Record<DownloadState, readonly DownloadState[]> = {
  queued: ['queued', 'downloading', 'cancelled'],
  downloading: ['downloading', 'paused', 'downloaded', 'failed', 'cancelled'],
  paused: ['paused', 'downloading', 'downloaded', 'failed', 'cancelled'],
  failed: ['queued', 'cancelled'],
  cancelled: ['cancelled', 'queued'],
  // A finished download only leaves by being deleted.
  downloaded: ['downloaded'],
};

/** Whether a download may move from `from` to `to`; late or duplicate events are refused. */
export function canTransition(from: DownloadState, to: DownloadState): boolean {
  return allowed[from].includes(to);
}
