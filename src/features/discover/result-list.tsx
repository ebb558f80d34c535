// Directory results as a list of links, one per podcast: artwork, title, author, genre and episode
// count, and "In your library" for one already subscribed (which opens the library copy). ↑ and ↓
// move between results (↑ from the first goes back to the search field); Enter opens one.
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import { Link } from 'wouter';
import type { DirectoryPodcast } from '../../shared/directory-answer.ts';
import { previewHref } from '../../shared/app-routes.ts';
import { feedKey } from '../../shared/feed-key.ts';
import { rememberShown } from './shown-podcasts.ts';

/** The results; `library` maps feed keys to library podcast ids. */
export function ResultList({
  label,
  podcasts,
  library,
  backTo,
}: {
  label: string;
  podcasts: DirectoryPodcast[];
  library?: Map<string, string>;
  /** Where ↑ from the first result goes. */
  backTo?: RefObject<HTMLInputElement | null>;
}) {
  useEffect(() => rememberShown(podcasts), [podcasts]);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    event.preventDefault();
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) backTo?.current?.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  };
  return (
    <ul className="discover-results" aria-label={label} onKeyDown={onKeyDown}>
      {podcasts.map((podcast, index) => {
        const libraryId = library?.get(feedKey(podcast.feedUrl));
        const metaId = `discover-result-${index}-meta`;
        const meta = [
          podcast.author,
          podcast.genre,
          podcast.episodeCount !== undefined &&
            (podcast.episodeCount === 1
              ? '1 episode'
              : `${podcast.episodeCount.toLocaleString()} episodes`),
        ].filter(Boolean);
        return (
          // The link holds the title only, so its name is what it shows; its ::after covers the
          // row, which stays one target for a pointer (the whole row as a link would be named by
          // its title while showing more, which screen-reader users hear as a mismatch).
          <li key={podcast.feedUrl} className="discover-result">
            <span className="discover-art" aria-hidden="true">
              {podcast.artworkUrl && (
                <img
                  src={podcast.artworkUrl}
                  alt=""
                  width={64}
                  height={64}
                  loading="lazy"
                  // Directory artwork links rot; a blank tile reads better than a broken image.
                  onError={(event) => {
                    event.currentTarget.hidden = true;
                  }}
                />
              )}
            </span>
            <span className="discover-result-text">
              <Link
                href={libraryId ? `/podcast/${libraryId}` : previewHref(podcast.feedUrl)}
                className="discover-result-title"
                aria-describedby={metaId}
              >
                {podcast.title}
              </Link>
              <span id={metaId} className="muted">
                {meta.join(' · ')}
                {libraryId && <span className="badge">In your library</span>}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
