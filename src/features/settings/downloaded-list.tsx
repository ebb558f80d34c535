// Every downloaded episode with its size, grouped by podcast and sorted by size or date, with
// Delete download for one episode, a whole podcast, or everything.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { listDownloadedEpisodes, type DownloadedEpisode } from '../../db/downloaded-episodes.ts';
import { removeDownload, removeDownloads } from '../../downloads/download-actions.ts';
import { formatBytes, formatDate } from '../../shared/format.ts';
import { groupDownloads, type DownloadOrder } from './group-downloads.ts';

/** The list of downloads on the storage page. */
export function DownloadedList() {
  const [order, setOrder] = useState<DownloadOrder>('size');
  const items = useLiveQuery(listDownloadedEpisodes);
  if (!items) return <p aria-busy="true">Loading downloads…</p>;
  if (items.length === 0) {
    return <p className="empty">No downloaded episodes take space on this device.</p>;
  }
  const groups = groupDownloads(items, order);
  function deleteEverything() {
    if (!confirm(`Delete all ${items!.length} downloaded episodes from this device?`)) return;
    void removeDownloads(items!.map((item) => item.download.episodeId));
  }
  return (
    <>
      <div className="podcast-actions">
        <label className="player-field">
          Sort by
          <select
            value={order}
            onChange={(event) => setOrder(event.currentTarget.value as DownloadOrder)}
          >
            <option value="size">Size</option>
            <option value="date">Date downloaded</option>
          </select>
        </label>
        <button type="button" className="secondary" onClick={deleteEverything}>
          Delete all downloads
        </button>
      </div>
      {groups.map((group) => (
        <section key={group.key} aria-label={group.title} className="download-group">
          <h3>
            {group.title} <span className="muted">{formatBytes(group.bytes)}</span>
          </h3>
          {group.items.length > 1 && (
            <button
              type="button"
              className="secondary"
              onClick={() => void removeDownloads(group.items.map((i) => i.download.episodeId))}
            >
              Delete all from {group.title}
            </button>
          )}
          <ul className="episode-list">
            {group.items.map((item) => (
              <DownloadedRow key={item.download.episodeId} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function DownloadedRow({ item }: { item: DownloadedEpisode }) {
  const { download, episode } = item;
  const meta = [
    formatBytes(item.bytes),
    download.downloadedAt ? `downloaded ${formatDate(download.downloadedAt)}` : '',
    episode?.playedAt !== undefined ? 'played' : '',
  ].filter(Boolean);
  return (
    <li className="episode" aria-label={download.title}>
      <h4 className="episode-title">{download.title}</h4>
      <p className="episode-meta">{meta.join(' · ')}</p>
      <div className="episode-actions">
        <button type="button" onClick={() => void removeDownload(download.episodeId)}>
          Delete download
        </button>
      </div>
    </li>
  );
}
