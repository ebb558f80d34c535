// The download buttons and progress of one episode, driven by its download record in Dexie.
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { getDownload } from '../../db/downloads.ts';
import type { Download, Episode } from '../../db/schema.ts';
import {
  cancelDownload,
  downloadEpisode,
  removeDownload,
  retryDownload,
} from '../../downloads/download-actions.ts';
import { askForNotificationsOnce } from './ask-for-notifications.ts';
import { downloadStatus } from './download-status.ts';

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
            {download.failureReason === 'quota-exceeded' && (
              <>
                {' '}
                <Link href="/downloads">Free up space</Link>
              </>
            )}
          </p>
          <button type="button" onClick={() => void retryDownload(episode.id)}>
            Retry download
          </button>
        </>
      );
    default:
      return (
        <button
          type="button"
          onClick={() => {
            void askForNotificationsOnce();
            void downloadEpisode(episode, artworkUrl);
          }}
        >
          Download
        </button>
      );
  }
}

/** A progressbar (indeterminate while the size is unknown) with the status in words. */
export function DownloadProgress({ download }: { download: Download }) {
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
