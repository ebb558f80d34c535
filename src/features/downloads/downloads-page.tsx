// The Downloads view: every download with its state, progress and speed, in queue order.
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { listDownloads } from '../../db/downloads.ts';
import type { Download } from '../../db/schema.ts';
import { cancelDownload, removeDownload, retryDownload } from '../../downloads/download-actions.ts';
import { formatBytes } from '../../shared/format.ts';
import { DownloadProgress } from './download-controls.tsx';
import { downloadStatus } from './download-status.ts';
import { FreeSpaceHint } from './free-space-hint.tsx';
import { useLiveDownload } from './use-live-download.ts';

/** Lists downloads, running ones first. */
export function DownloadsPage() {
  const downloads = useLiveQuery(listDownloads);
  if (!downloads) {
    return (
      <p className="loading" aria-busy="true">
        Loading downloads…
      </p>
    );
  }
  const order = ['downloading', 'paused', 'queued', 'failed', 'downloaded', 'cancelled'];
  const sorted = [...downloads].sort(
    (a, b) => order.indexOf(a.state) - order.indexOf(b.state) || a.createdAt - b.createdAt,
  );
  return (
    <section aria-labelledby="downloads-heading">
      <h1 id="downloads-heading">Downloads</h1>
      {sorted.length === 0 ? (
        <div className="state">
          <h2>Nothing downloaded yet</h2>
          <p className="muted">
            Tap Download on an episode to keep it for offline listening. It goes on downloading when
            you close the app, where the browser allows.
          </p>
          <Link href="/" className="button-link">
            Browse your podcasts
          </Link>
        </div>
      ) : (
        <ul className="episode-list" aria-label="Downloads">
          {sorted.map((download) => (
            <DownloadRow key={download.episodeId} download={download} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DownloadRow({ download }: { download: Download }) {
  const speed = useLiveDownload(download).bytesPerSecond;
  const running =
    download.state === 'downloading' || download.state === 'paused' || download.state === 'queued';
  return (
    <li className="episode" aria-label={download.title}>
      <h2 className="episode-title">{download.title}</h2>
      {running ? (
        <DownloadProgress download={download} />
      ) : (
        <p className={download.state === 'failed' ? 'error' : 'muted'}>
          {downloadStatus(download)}
          {download.failureReason === 'quota-exceeded' && <FreeSpaceHint />}
        </p>
      )}
      {download.state === 'downloading' && speed !== undefined && (
        <p className="muted">{formatBytes(Math.round(speed))}/s</p>
      )}
      <div className="episode-actions">
        {running && (
          <button type="button" onClick={() => void cancelDownload(download.episodeId)}>
            Cancel download
          </button>
        )}
        {download.state === 'failed' && (
          <button type="button" onClick={() => void retryDownload(download.episodeId)}>
            Retry download
          </button>
        )}
        {(download.state === 'downloaded' ||
          download.state === 'failed' ||
          download.state === 'cancelled') && (
          <button type="button" onClick={() => void removeDownload(download.episodeId)}>
            Delete download
          </button>
        )}
      </div>
    </li>
  );
}
