// Watches the episode in the player: when it leaves the library (its podcast unsubscribed, in
// this tab or another), the player stops it and plays on from Up Next, or empties.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { getEpisode } from '../../db/library.ts';
import { episodeRemoved } from './audio-engine.ts';
import { usePlayerStore } from './player-store.ts';
import { isPreviewEpisode } from './preview-episodes.ts';

/** Stops the player's episode once it is no longer in the library. */
export function useRemovedEpisode(): void {
  const episodeId = usePlayerStore((state) => state.episodeId);
  // The id itself, not a flag: useLiveQuery answers with its last result until the query for a
  // new episode has run, and a flag left over from the removed episode would stop the next one.
  const gone = useLiveQuery(
    async () =>
      episodeId && !isPreviewEpisode(episodeId) && !(await getEpisode(episodeId))
        ? episodeId
        : undefined,
    [episodeId],
  );
  useEffect(() => {
    if (gone && gone === episodeId) void episodeRemoved(gone);
  }, [gone, episodeId]);
}
