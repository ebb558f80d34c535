// Reads a podcast's feed for its preview in the feed worker (the reader subscribing uses, off the
// main thread), without storing anything: the podcast and its latest episodes are handed to
// the player's memory so Play works, and the library stays as it was until Subscribe.
import { useEffect, useState } from 'react';
import type { Episode, Podcast } from '../../db/schema.ts';
import { feedClient } from '../library/library-actions.ts';
import { showPreview } from '../player/preview-episodes.ts';

/** How many of the newest episodes a preview lists. */
export const PREVIEW_EPISODES = 20;

export type FeedPreview =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'loaded'; podcast: Podcast; episodes: Episode[]; total: number };

/** The preview of the feed at `feedUrl`; `retry` reads it again. */
export function useFeedPreview(feedUrl: string): FeedPreview & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [read, setRead] = useState<{ attempt: number; preview: FeedPreview }>();
  useEffect(() => {
    let current = true;
    readPreview(feedUrl).then(
      (answer) => {
        if (!current) return;
        const id = `preview:${answer.feedUrl}`;
        const podcast: Podcast = {
          ...answer.podcast,
          id,
          feedUrl: answer.feedUrl,
          subscribedAt: 0,
          refreshedAt: 0,
        };
        const episodes = answer.episodes.map((episode, index): Episode => ({
          ...episode,
          id: `${id}#${index}`,
          podcastId: id,
        }));
        showPreview(podcast, episodes);
        const { total } = answer;
        setRead({ attempt, preview: { state: 'loaded', podcast, episodes, total } });
      },
      (error: unknown) => {
        if (!current) return;
        const message = error instanceof Error ? error.message : String(error);
        setRead({ attempt, preview: { state: 'failed', message } });
      },
    );
    return () => {
      current = false;
    };
  }, [feedUrl, attempt]);
  const retry = () => setAttempt((count) => count + 1);
  // The page gives each feed its own instance (key), so only the attempt can be out of date.
  return read?.attempt === attempt ? { ...read.preview, retry } : { state: 'loading', retry };
}

/** The feed's preview, read in the feed worker. */
async function readPreview(feedUrl: string) {
  const { feedWorker, unwrap } = await feedClient();
  return unwrap(await feedWorker().preview(feedUrl, PREVIEW_EPISODES));
}
