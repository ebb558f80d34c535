// One download on the Downloads view: artwork and title, then by state a progress bar with speed
// and time left, the reason it waits or failed, or its size; and the buttons that state allows.
import { RotateCcw, Square, Trash2 } from 'lucide-react';
import { isRunning } from '../../db/download-reducer.ts';
import type { Download } from '../../db/schema.ts';
import { cancelDownload, removeDownload, retryDownload } from '../../downloads/download-actions.ts';
import { formatBytes, formatDuration } from '../../shared/format.ts';
import { Artwork } from '../../ui/artwork.tsx';
import { IconButton } from '../../ui/icon-button.tsx';
import { downloadStatus } from './download-status.ts';
import { FreeSpaceHint } from './free-space-hint.tsx';
import { useLiveDownload } from './use-live-download.ts';

/** A row of the Downloads view, named by the episode's title. */
export function DownloadRow({ download: stored }: { download: Download }) {
  const download = useLiveDownload(stored);
  const { state, episodeId } = download;
  const running = isRunning(download);
  return (
    <li className="download-row" aria-label={download.title} data-state={state}>
      <Artwork src={download.artworkUrl} title={download.title} size={48} />
      <div className="download-text">
        <h3 className="episode-title">{download.title}</h3>
        {running && <RunningDetail download={download} />}
        {!running && (
          <p className={state === 'failed' ? 'error' : 'muted'}>
            {downloadStatus(download)}
            {download.failureReason === 'quota-exceeded' && <FreeSpaceHint />}
          </p>
        )}
      </div>
      <div className="episode-actions">
        {running && (
          <IconButton
            icon={Square}
            size={16}
            label="Cancel download"
            onClick={() => void cancelDownload(episodeId)}
          />
        )}
        {state === 'failed' && (
          <IconButton
            icon={RotateCcw}
            label="Retry download"
            onClick={() => void retryDownload(episodeId)}
          />
        )}
        {!running && (
          <IconButton
            icon={Trash2}
            label="Delete download"
            onClick={() => void removeDownload(episodeId)}
          />
        )}
      </div>
    </li>
  );
}

/** The bar, bytes, speed and time left of a download under way (or why it waits). */
function RunningDetail({ download }: { download: Download & { bytesPerSecond?: number } }) {
  const { bytesDone, bytesTotal, bytesPerSecond: speed } = download;
  const moving = download.state === 'downloading' && speed !== undefined && speed > 0;
  const left = moving && bytesTotal ? Math.max(0, bytesTotal - bytesDone) / speed : undefined;
  const facts = [downloadStatus(download)];
  if (moving) facts.push(`${formatBytes(Math.round(speed))}/s`);
  if (left !== undefined) facts.push(`${formatDuration(Math.max(1, Math.round(left)))} left`);
  return (
    <>
      <progress
        className="download-bar"
        aria-label={`Downloading ${download.title}`}
        value={bytesTotal ? bytesDone : undefined}
        max={bytesTotal}
      />
      {/* Not a live region: it changes several times a second; the progress bar carries it. */}
      <p className={download.state === 'paused' ? 'paused-note' : 'muted'}>{facts.join(' · ')}</p>
    </>
  );
}
