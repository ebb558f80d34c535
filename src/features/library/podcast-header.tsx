// The top of a podcast's page: artwork, title, author, description, credits and support links.
import { useMemo } from 'react';
import type { Podcast } from '../../db/schema.ts';
import { showNotesHtml } from '../../feeds/sanitize-html.ts';
import { formatAgo } from '../../shared/format-ago.ts';
import { toHttpUrl } from '../../shared/url-rules.ts';
import { Artwork } from '../../ui/artwork.tsx';

/** The podcast's heading block; its title is the page's h1. */
export function PodcastHeader({
  podcast,
  episodeCount,
}: {
  podcast: Podcast;
  /** Left out while unknown (a preview whose feed is still loading). */
  episodeCount?: number;
}) {
  const description = useMemo(
    () => showNotesHtml(podcast.description, podcast.feedUrl),
    [podcast.description, podcast.feedUrl],
  );
  const people = (podcast.persons ?? [])
    .map((person) => (person.role ? `${person.name} (${person.role})` : person.name))
    .join(', ');
  const funding = (podcast.funding ?? []).flatMap((item) => {
    const href = toHttpUrl(item.url);
    return href ? [{ href, label: item.label }] : [];
  });
  return (
    <div className="podcast-header">
      <Artwork
        src={podcast.artworkUrl}
        title={podcast.title}
        size={120}
        eager
        className="podcast-header-art"
      />
      <div>
        <h1 id="podcast-heading">{podcast.title}</h1>
        {podcast.author && <p className="muted">{podcast.author}</p>}
        <div className="podcast-description" dangerouslySetInnerHTML={{ __html: description }} />
        {people && <p className="muted">With {people}</p>}
        {funding.length > 0 && (
          <p className="episode-links">
            {funding.map((item) => (
              <a key={item.href} href={item.href} target="_blank" rel="noopener noreferrer">
                {item.label}
              </a>
            ))}
          </p>
        )}
        {episodeCount !== undefined && (
          <p className="muted">
            {episodeCount === 1 ? '1 episode' : `${episodeCount.toLocaleString()} episodes`}
          </p>
        )}
        {podcast.refreshedAt > 0 && (
          <p className="muted">Last refreshed {formatAgo(podcast.refreshedAt)}</p>
        )}
      </div>
    </div>
  );
}
