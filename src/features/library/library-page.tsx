// The library: every subscribed podcast with its artwork and when it was last refreshed, and the
// ways to add and refresh them.
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { listPodcasts } from '../../db/library.ts';
import { formatAgo } from '../../shared/format-ago.ts';
import { OpmlControls } from './opml-controls.tsx';
import { RefreshAll } from './refresh-all.tsx';
import { SubscribeForm } from './subscribe-form.tsx';

/** Lists subscribed podcasts; each links to its episodes. */
export function LibraryPage() {
  const podcasts = useLiveQuery(listPodcasts);
  if (!podcasts) {
    return (
      <p className="loading" aria-busy="true">
        Loading your library…
      </p>
    );
  }
  return (
    <section aria-labelledby="library-heading">
      <h1 id="library-heading">Library</h1>
      <SubscribeForm />
      <div className="library-tools">
        {podcasts.length > 0 && <RefreshAll />}
        <OpmlControls />
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
            Or paste a feed address into Feed URL above, or import an OPML file from another app.
          </p>
        </div>
      ) : (
        <ul className="podcast-grid" aria-label="Podcasts">
          {podcasts.map((podcast) => (
            <li key={podcast.id}>
              <Link href={`/podcast/${podcast.id}`} className="podcast-card">
                {podcast.artworkUrl && (
                  <img src={podcast.artworkUrl} alt="" width={160} height={160} loading="lazy" />
                )}
                <span>{podcast.title}</span>
              </Link>
              <span className="muted refreshed">
                {podcast.refreshError
                  ? 'Last refresh failed'
                  : `Refreshed ${formatAgo(podcast.refreshedAt)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
