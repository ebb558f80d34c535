// A podcast's preview before subscribing (/discover/podcast?feed=…): its artwork, description and
// latest episodes read from its feed, Play on any episode, and one Subscribe button, which follows
// the library's own subscribe path. A podcast already in the library says so and opens that copy.
import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { Podcast } from '../../db/schema.ts';
import { toHttpUrl } from '../../shared/url-rules.ts';
import { messageOf, subscribe } from '../library/library-actions.ts';
import { PodcastHeader } from '../library/podcast-header.tsx';
import { feedKey } from '../../shared/feed-key.ts';
import { PreviewEpisode } from './preview-episode.tsx';
import { shownPodcast } from './shown-podcasts.ts';
import { useFeedPreview } from './use-feed-preview.ts';
import { useLibraryFeeds } from './use-library-feeds.ts';

/** The preview page. */
export function PreviewPage() {
  const feedUrl = toHttpUrl(new URLSearchParams(useSearch()).get('feed'));
  if (!feedUrl) {
    return (
      <section className="state" aria-labelledby="preview-missing-heading">
        <h1 id="preview-missing-heading">No podcast to preview</h1>
        <p role="alert">This address does not name a podcast feed.</p>
        <Link href="/discover" className="button-link">
          Back to Discover
        </Link>
      </section>
    );
  }
  return <Preview key={feedUrl} feedUrl={feedUrl} />;
}

function Preview({ feedUrl }: { feedUrl: string }) {
  const preview = useFeedPreview(feedUrl);
  const library = useLibraryFeeds();
  const loadedUrl = preview.state === 'loaded' ? preview.podcast.feedUrl : feedUrl;
  const libraryId = library?.get(feedKey(feedUrl)) ?? library?.get(feedKey(loadedUrl));
  const podcast = preview.state === 'loaded' ? preview.podcast : fromDirectory(feedUrl);
  return (
    <section aria-labelledby="podcast-heading">
      <p>
        <Link href="/discover">← Discover</Link>
      </p>
      {podcast ? (
        <PodcastHeader
          podcast={podcast}
          episodeCount={preview.state === 'loaded' ? preview.total : undefined}
        />
      ) : (
        <h1 id="podcast-heading">Podcast preview</h1>
      )}
      <div className="podcast-actions">
        {library === undefined ? null : libraryId ? (
          <>
            <p className="muted">This podcast is in your library.</p>
            <Link href={`/podcast/${libraryId}`} className="button-link">
              Open in your library
            </Link>
          </>
        ) : (
          <SubscribeButton feedUrl={loadedUrl} />
        )}
      </div>
      {preview.state === 'loading' && (
        <p className="loading" aria-busy="true">
          Reading the podcast’s feed…
        </p>
      )}
      {preview.state === 'failed' && (
        <div className="notice" role="alert">
          <p>The podcast’s feed could not be read. {preview.message}</p>
          <button type="button" className="secondary" onClick={preview.retry}>
            Try again
          </button>
        </div>
      )}
      {preview.state === 'loaded' && (
        <>
          <p className="muted">
            {preview.episodes.length === 0
              ? 'The feed lists no episodes yet.'
              : preview.episodes.length < preview.total
                ? `The latest ${preview.episodes.length} of ${preview.total.toLocaleString()} episodes:`
                : 'Its episodes:'}
          </p>
          {preview.episodes.length > 0 && (
            <ul className="episode-list" aria-label="Latest episodes">
              {preview.episodes.map((episode) => (
                <PreviewEpisode
                  key={episode.id}
                  episode={episode}
                  feedUrl={preview.podcast.feedUrl}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** Subscribes through the library's own path, then opens the podcast there. */
function SubscribeButton({ feedUrl }: { feedUrl: string }) {
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const onClick = async () => {
    setBusy(true);
    setError(undefined);
    try {
      navigate(`/podcast/${await subscribe(feedUrl)}`);
    } catch (reason) {
      setError(messageOf(reason));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void onClick()}>
        {busy ? 'Subscribing…' : 'Subscribe'}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}

/** What the directory said, shaped as a podcast for the header while the feed loads or fails. */
function fromDirectory(feedUrl: string): Podcast | undefined {
  const shown = shownPodcast(feedUrl);
  if (!shown) return undefined;
  return {
    id: `preview:${feedUrl}`,
    feedUrl,
    title: shown.title,
    author: shown.author,
    description: shown.description ?? '',
    artworkUrl: shown.artworkUrl,
    subscribedAt: 0,
    refreshedAt: 0,
  };
}
