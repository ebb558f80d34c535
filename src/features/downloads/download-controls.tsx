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
  switch (download?.state) {
    case 'queued':
    case 'downloading':
    case 'paused':
      return (
        <span className="download-control">
          <ProgressRing download={download} />
          <IconButton
            icon={Square}
            size={14}
            label="Cancel download"
            className="download-stop"
            onClick={() => void cancelDownload(episode.id)}
          />
        </span>
      );
    case 'downloaded':
      return (
        <IconButton
          icon={CircleCheck}
          label="Delete download"
          className="download-done"
          onClick={() => void removeDownload(episode.id)}
        />
      );
    case 'failed':
      return (
        <IconButton
          icon={RotateCcw}
          label="Retry download"
          className="download-failed"
          onClick={() => void retryDownload(episode.id)}
        />
      );
    default:
      return (
        <IconButton
          icon={DownloadIcon}
          label="Download"
          onClick={() => void askThenDownload(episode, artworkUrl)}
        />
      );
  }
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
    <p className="muted row-note" aria-live="polite">
      {downloadStatus(live)}
    </p>
  );
}
