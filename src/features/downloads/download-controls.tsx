// The download buttons and progress of one episode, driven by its download record in Dexie.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDownload } from '../../db/downloads.ts';
import type { Download, Episode } from '../../db/schema.ts';
import {
  cancelDownload,
  downloadEpisode,
  removeDownload,
} from '../../downloads/download-actions.ts';
import { formatBytes } from '../../shared/format.ts';

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
  const start = () => void downloadEpisode(episode, artworkUrl);
  const label = `${episode.title}`;

  switch (download?.state) {
    case 'queued':
    case 'downloading':
    case 'paused':
      return (
        <>
          <DownloadProgress download={download} label={label} />
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
            {download.failureMessage ?? 'The download failed.'}
          </p>
          <button type="button" onClick={start}>
            Retry download
          </button>
        </>
      );
    default:
      return (
        <button type="button" onClick={start}>
          Download
        </button>
      );
  }
}

function DownloadProgress({ download, label }: { download: Download; label: string }) {
  const { bytesDone, bytesTotal } = download;
  const text = bytesTotal
    ? `${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)}`
    : formatBytes(bytesDone);
  return (
    <span className="download-progress">
      <progress
        aria-label={`Downloading ${label}`}
        value={bytesTotal ? bytesDone : undefined}
        max={bytesTotal}
      />
      <span className="muted">{download.state === 'queued' ? 'Waiting…' : text}</span>
    </span>
  );
}
