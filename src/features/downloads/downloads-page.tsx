// The Downloads view: running downloads with their progress, speed and time left; paused and failed
// ones with why; then finished ones with their sizes; then cancelled ones.
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { listDownloads } from '../../db/downloads.ts';
import type { Download } from '../../db/schema.ts';
import { Skeleton } from '../../ui/skeleton.tsx';
import { DownloadRow } from './download-row.tsx';

const SECTIONS = [
  { id: 'running', title: 'Downloading', states: ['downloading', 'queued'] },
  { id: 'paused', title: 'Paused or failed', states: ['paused', 'failed'] },
  { id: 'done', title: 'Downloaded', states: ['downloaded'] },
  { id: 'cancelled', title: 'Cancelled', states: ['cancelled'] },
] as const;

/** Lists downloads in four groups, each in the order they were asked for. */
export function DownloadsPage() {
  const downloads = useLiveQuery(listDownloads);
  if (!downloads) return <Skeleton label="Loading downloads…" />;
  const sorted = [...downloads].sort((a, b) => a.createdAt - b.createdAt);
  const groups = SECTIONS.map((section) => ({
    ...section,
    items: sorted.filter((download) =>
      (section.states as readonly Download['state'][]).includes(download.state),
    ),
  })).filter((group) => group.items.length > 0);
  return (
    <section aria-labelledby="downloads-heading" className="downloads-page">
      <h1 id="downloads-heading">Downloads</h1>
      {groups.length === 0 ? (
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
        groups.map((group) => (
          <section key={group.id} aria-labelledby={`downloads-${group.id}`}>
            <h2 id={`downloads-${group.id}`} className="section-heading">
              {group.title} <span className="count">{group.items.length}</span>
            </h2>
            <ul className="download-list" aria-label={group.title}>
              {group.items.map((download) => (
                <DownloadRow key={download.episodeId} download={download} />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
