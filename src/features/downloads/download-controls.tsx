// The download buttons and progress of one episode, driven by its download record in Dexie.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDownload } from '../../db/downloads.ts';
import type { Download, Episode } from '../../db/schema.ts';
import { cancelDownload, removeDownload, retryDownload } from '../../downloads/download-actions.ts';
import { askThenDownload } from './ask-then-download.ts';
import { downloadStatus } from './download-status.ts';
import { useLiveDownload } from './use-live-download.ts';
import { FreeSpaceHint } from './free-space-hint.tsx';

/** Download / Cancel download / Retry download / Delete download, as the state allows. */
export function DownloadControls({
  episode,
  artworkUrl,
}: {
  episode: Episode;
  artworkUrl?: string;
}) {
  const download = useLiveQuery(() => getDownload(episode.id), [episode.id], null);
  if (download === null) return null;

  switch (download?.state) {
    case 'queued':
    case 'downloading':
    case 'paused':
      return (
        <>
          <DownloadProgress download={download} />
          <button type="button" onClick={() => void cancelDownload(episode.id)}>
            Cancel download
          </button>
        </>
      );
    case 'downloaded':
      return (
        <>
          <span className="badge">Downloaded</span>
          <button type="button" onClick={() => void removeDownload(episode.id)}>
            Delete download
          </button>
        </>
      );
    case 'failed':
      return (
        <>
          <p role="alert" className="error">
            {downloadStatus(download)}
            {download.failureReason === 'quota-exceeded' && <FreeSpaceHint />}
          </p>
          <button type="button" onClick={() => void retryDownload(episode.id)}>
            Retry download
          </button>
        </>
      );
    default:
      return (
        <button type="button" onClick={() => void askThenDownload(episode, artworkUrl)}>
          Download
        </button>
      );
  }
}

/** A progressbar (indeterminate while the size is unknown) with the status in words. */
export function DownloadProgress({ download: stored }: { download: Download }) {
  const download = useLiveDownload(stored);
  const { bytesDone, bytesTotal } = download;
  return (
    <span className="download-progress">
      <progress
        aria-label={`Downloading ${download.title}`}
        value={bytesTotal ? bytesDone : undefined}
        max={bytesTotal}
      />
      <span className="muted" aria-live="polite">
        {downloadStatus(download)}
      </span>
    </span>
  );
}
