// One episode's download control, driven by its download record in Dexie: a download arrow; while
// it runs a ring of progress around a stop button; then a "downloaded" mark that deletes it; after
// a failure a retry arrow. The words for where it stands go in the row's note (DownloadNote).
import {
  CircleAlert,
  CircleCheck,
  Download as DownloadIcon,
  RotateCcw,
  Square,
} from 'lucide-react';
import { isRunning } from '../../db/download-reducer.ts';
import type { Download, Episode } from '../../db/schema.ts';
import { cancelDownload, removeDownload, retryDownload } from '../../downloads/download-actions.ts';
import { IconButton } from '../../ui/icon-button.tsx';
import { askThenDownload } from './ask-then-download.ts';
import { downloadStatus } from './download-status.ts';
import { FreeSpaceHint } from './free-space-hint.tsx';
import { ProgressRing } from './progress-ring.tsx';
import { useLiveDownload } from './use-live-download.ts';

/** Download / Cancel download / Retry download / Delete download, as the state allows. */
export function DownloadControls({
  episode,
  download,
  artworkUrl,
}: {
  episode: Episode;
  /** The episode's record (undefined when it was never downloaded). */
  download: Download | undefined;
  artworkUrl?: string;
}) {
  // One button whose look, name and action follow the state: it stays the same element, so
  // keyboard focus stays on it from Download to Cancel download to Delete download.
  const state = download?.state;
  const running = download !== undefined && isRunning(download);
  const button = running
    ? {
        icon: Square,
        size: 14,
        label: 'Cancel download',
        className: 'download-stop',
        act: () => cancelDownload(episode.id),
      }
    : state === 'downloaded'
      ? {
          icon: CircleCheck,
          label: 'Delete download',
          className: 'download-done',
          act: () => removeDownload(episode.id),
        }
      : state === 'failed'
        ? {
            icon: RotateCcw,
            label: 'Retry download',
            className: 'download-failed',
            act: () => retryDownload(episode.id),
          }
        : {
            icon: DownloadIcon,
            label: 'Download',
            act: () => askThenDownload(episode, artworkUrl),
          };
  return (
    <span className="download-control">
      {running && download && <ProgressRing download={download} />}
      <IconButton
        icon={button.icon}
        size={button.size}
        label={button.label}
        className={button.className}
        onClick={() => void button.act()}
      />
    </span>
  );
}

/** Where a download stands in words, for the row under the title; nothing when there is none. */
export function DownloadNote({ download }: { download: Download | undefined }) {
  if (!download || download.state === 'cancelled' || download.state === 'downloaded') return null;
  if (download.state === 'failed') {
    return (
      <p role="alert" className="error row-note">
        <CircleAlert size={16} aria-hidden="true" /> {downloadStatus(download)}
        {download.failureReason === 'quota-exceeded' && <FreeSpaceHint />}
      </p>
    );
  }
  return <LiveNote download={download} />;
}

function LiveNote({ download }: { download: Download }) {
  const live = useLiveDownload(download);
  return (
    // Not a live region: bytes change several times a second, and the ring carries the progress.
    <p className="muted row-note">{downloadStatus(live)}</p>
  );
}
