// The words for where a download stands, shared by the episode row and the Downloads view.
import type { Download } from '../../db/schema.ts';
import { formatBytes } from '../../shared/format.ts';

/** "3.1 MB of 12 MB", "Waiting for the network", "Retrying in 4 s: …". */
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
      return `Retrying in ${Math.max(1, Math.ceil(((download.nextRetryAt ?? now) - now) / 1000))} s · ${download.failureMessage ?? ''}`.trim();
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
