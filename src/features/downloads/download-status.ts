// The words for where a download stands, shared by the episode row and the Downloads view.
import type { Download } from '../../db/schema.ts';
import { formatBytes } from '../../shared/format.ts';

/** The time of a retry, e.g. "10:42"; one formatter for every row. */
let clock: Intl.DateTimeFormat | undefined;

/** When a paused download tries again, in words that stay true until then (nothing re-renders). */
function retryTime(at: number, now: number): string {
  if (at - now < 60_000) return 'Trying again in a moment';
  clock ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  return `Trying again at ${clock.format(at)}`;
}

/** "3.1 MB of 12 MB", "Paused until the network returns", "Trying again at 10:42 · …". */
export function downloadStatus(download: Download, now = Date.now()): string {
  const bytes = download.bytesTotal
    ? `${formatBytes(download.bytesDone)} of ${formatBytes(download.bytesTotal)}`
    : formatBytes(download.bytesDone);
  switch (download.state) {
    case 'queued':
      return 'Waiting in the queue';
    case 'paused':
      if (download.pauseReason === 'offline') return `Paused until the network returns · ${bytes}`;
      if (download.pauseReason === 'held') return 'Waiting for Longwave to open';
      if (download.pauseReason === 'web-page') return download.failureMessage ?? '';
      return [retryTime(download.nextRetryAt ?? now, now), download.failureMessage]
        .filter(Boolean)
        .join(' · ');
    case 'downloading':
      return bytes;
    case 'downloaded':
      return `Downloaded · ${formatBytes(download.bytesDone)}`;
    case 'failed':
      return download.failureMessage ?? 'The download failed.';
    case 'cancelled':
      return 'Cancelled';
  }
}
