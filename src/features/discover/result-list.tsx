// Directory results as a list of links, one per podcast: artwork, title, author, genre and episode
// count, and "In your library" for one already subscribed (which opens the library copy). ↑ and ↓
// move between results (↑ from the first goes back to the search field); Enter opens one.
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import { Link } from 'wouter';
import type { DirectoryPodcast } from './directory-answer.ts';
import { feedKey } from './feed-key.ts';
import { previewHref } from './preview-href.ts';
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
        const titleId = `discover-result-${index}`;
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
          <li key={podcast.feedUrl}>
            <Link
              href={libraryId ? `/podcast/${libraryId}` : previewHref(podcast.feedUrl)}
              className="discover-result"
              aria-labelledby={titleId}
              aria-describedby={metaId}
            >
              {podcast.artworkUrl ? (
                <img src={podcast.artworkUrl} alt="" width={64} height={64} loading="lazy" />
              ) : (
                <span className="discover-no-art" aria-hidden="true" />
              )}
              <span className="discover-result-text">
                <span id={titleId} className="discover-result-title">
                  {podcast.title}
                </span>
                <span id={metaId} className="muted">
                  {meta.join(' · ')}
                  {libraryId && <span className="badge">In your library</span>}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
