// The library: every subscribed podcast as an artwork grid (or a list), with how many episodes
// are unplayed and downloaded; and the ways to add and refresh podcasts.
import { useLiveQuery } from 'dexie-react-hooks';
import { ArrowDownToLine, LayoutGrid, List } from 'lucide-react';
import { Link } from 'wouter';
import { listPodcasts } from '../../db/library.ts';
import { formatAgo } from '../../shared/format-ago.ts';
import { Artwork } from '../../ui/artwork.tsx';
import { IconButton } from '../../ui/icon-button.tsx';
import { Skeleton } from '../../ui/skeleton.tsx';
import { OpmlControls } from './opml-controls.tsx';
import { RefreshAll } from './refresh-all.tsx';
import { SubscribeForm } from './subscribe-form.tsx';
import { useLibraryCounts, type PodcastCounts } from './use-library-counts.ts';
import { useLibraryView } from './use-library-view.ts';

/** Lists subscribed podcasts; each links to its episodes. */
export function LibraryPage() {
  const podcasts = useLiveQuery(listPodcasts);
  const counts = useLibraryCounts();
  const [view, setView] = useLibraryView();
  if (!podcasts) return <Skeleton label="Loading your library…" shape="tile" rows={6} />;
  return (
    <section aria-labelledby="library-heading">
      <div className="page-head">
        <h1 id="library-heading">Library</h1>
        {podcasts.length > 0 && (
          <div className="view-toggle">
            <IconButton
              icon={LayoutGrid}
              label="Grid view"
              aria-pressed={view === 'grid'}
              onClick={() => setView('grid')}
            />
            <IconButton
              icon={List}
              label="List view"
              aria-pressed={view === 'list'}
              onClick={() => setView('list')}
            />
          </div>
        )}
      </div>
      {podcasts.length === 0 ? (
        <div className="state">
          <h2>No podcasts yet.</h2>
          <p>
            <Link href="/discover" className="button-link">
              Find podcasts
            </Link>
          </p>
          <p className="muted">
            Or paste a feed address into Feed URL below, or import an OPML file from another app.
          </p>
        </div>
      ) : (
        <ul className={view === 'grid' ? 'podcast-grid' : 'podcast-list'} aria-label="Podcasts">
          {podcasts.map((podcast) => (
            <li key={podcast.id} className="podcast-card">
              <Artwork
                src={podcast.artworkUrl}
                title={podcast.title}
                size={view === 'grid' ? 160 : 56}
                className="podcast-art"
              />
              <div className="podcast-card-text">
                <Link href={`/podcast/${podcast.id}`} className="podcast-card-title">
                  {podcast.title}
                </Link>
                <CountWords counts={counts?.get(podcast.id)} />
                <span className="muted refreshed">
                  {podcast.refreshError
                    ? 'Last refresh failed'
                    : `Refreshed ${formatAgo(podcast.refreshedAt)}`}
                </span>
              </div>
              <Counts counts={counts?.get(podcast.id)} />
            </li>
          ))}
        </ul>
      )}
      <section className="library-add" aria-labelledby="library-add-heading">
        <h2 id="library-add-heading">Add podcasts</h2>
        <SubscribeForm />
        <div className="library-tools">
          {podcasts.length > 0 && <RefreshAll />}
          <OpmlControls />
        </div>
      </section>
    </section>
  );
}

/** The unplayed count and the downloaded mark, drawn over the artwork in the grid. */
function Counts({ counts }: { counts?: PodcastCounts }) {
  if (!counts) return null;
  return (
    <span className="podcast-counts" aria-hidden="true">
      {counts.unplayed > 0 && <span className="unplayed-count">{counts.unplayed}</span>}
      {counts.downloaded > 0 && (
        <span className="downloaded-count">
          <ArrowDownToLine size={14} />
          {counts.downloaded}
        </span>
      )}
    </span>
  );
}

/** The same counts in words, for assistive technology (the badges are drawn, not read). */
function CountWords({ counts }: { counts?: PodcastCounts }) {
  if (!counts || (counts.unplayed === 0 && counts.downloaded === 0)) return null;
  const words = [
    counts.unplayed > 0 && `${counts.unplayed} unplayed`,
    counts.downloaded > 0 && `${counts.downloaded} downloaded`,
  ].filter(Boolean);
  return <span className="visually-hidden">{words.join(', ')}</span>;
}
