// Which directory results are already in the library, read live from Dexie.
import { useLiveQuery } from 'dexie-react-hooks';
import { listPodcasts } from '../../db/library.ts';
import { feedKey } from '../../shared/feed-key.ts';

/** Library podcast ids by feed key; undefined while loading. */
export function useLibraryFeeds(): Map<string, string> | undefined {
  return useLiveQuery(
    async () =>
      new Map((await listPodcasts()).map((podcast) => [feedKey(podcast.feedUrl), podcast.id])),
  );
}
