// Storage at a glance: what the app uses of what the browser allows, what the downloads take,
// what deleting the played ones would free, and whether the browser may clear it all.
import { useLiveQuery } from 'dexie-react-hooks';
import { listDownloadedEpisodes, summarizeDownloads } from '../../db/downloaded-episodes.ts';
import { removeDownloads } from '../../downloads/download-actions.ts';
import { formatBytes } from '../../shared/format.ts';
import { PersistenceControl } from './persistence-control.tsx';
import { useStorageEstimate } from './use-storage-estimate.ts';

/** The storage section's figures and its quick way to free space. */
export function StorageSummary() {
  const { figures, refresh } = useStorageEstimate();
  const downloads = useLiveQuery(async () => summarizeDownloads(await listDownloadedEpisodes()));
  const { usage, quota } = figures ?? {};
  return (
    <>
      <dl className="storage-figures">
        <dt>Used by Longwave</dt>
        <dd>
          {usage === undefined
            ? 'Unknown'
            : quota
              ? `${formatBytes(usage)} of ${formatBytes(quota)} available to the app`
              : formatBytes(usage)}
        </dd>
        <dt>Downloaded episodes</dt>
        <dd>
          {downloads
            ? `${downloads.count} ${downloads.count === 1 ? 'episode' : 'episodes'}, ${formatBytes(downloads.bytes)}`
            : '…'}
        </dd>
      </dl>
      {usage !== undefined && quota ? (
        <meter aria-label="Storage used" min={0} max={quota} value={usage} high={quota * 0.9} />
      ) : null}
      {downloads && downloads.played.length > 0 && (
        <p>
          {downloads.played.length === 1
            ? '1 played episode takes '
            : `${downloads.played.length} played episodes take `}
          {formatBytes(downloads.playedBytes)}.{' '}
          <button type="button" onClick={() => void removeDownloads(downloads.played)}>
            Delete played downloads
          </button>
        </p>
      )}
      <PersistenceControl persisted={figures?.persisted} onAsked={refresh} />
    </>
  );
}
