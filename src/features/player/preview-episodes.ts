// Episodes the listener can play before subscribing (Discover's preview). They live in memory
// only, never in Dexie, so nothing about them outlives the page: the player plays them like any
// other episode but saves no position, played mark, speed or "now playing" for them.
import { getEpisode, getPodcast } from '../../db/library.ts';
import type { Episode, Podcast } from '../../db/schema.ts';
import { usePlayerStore } from './player-store.ts';

interface Preview {
  podcast: Podcast;
  episodes: Episode[];
}

/** The preview shown last, and the one whose episode is in the player. */
let previews: Preview[] = [];

/** Makes a previewed podcast's episodes playable by id; earlier previews go unless one plays. */
export function showPreview(podcast: Podcast, episodes: Episode[]): void {
  const playing = usePlayerStore.getState().episodeId;
  previews = [
    { podcast, episodes },
    ...previews.filter(
      (preview) =>
        preview.podcast.id !== podcast.id && preview.episodes.some(({ id }) => id === playing),
    ),
  ];
}

function previewEpisode(id: string): Episode | undefined {
  for (const { episodes } of previews) {
    const episode = episodes.find((candidate) => candidate.id === id);
    if (episode) return episode;
  }
  return undefined;
}

/** Whether `episodeId` is a preview's (not in the library; nothing about it is stored). */
export function isPreviewEpisode(episodeId: string): boolean {
  return previewEpisode(episodeId) !== undefined;
}

/** An episode by id: a preview's, else the library's. */
export async function findEpisode(id: string): Promise<Episode | undefined> {
  return previewEpisode(id) ?? getEpisode(id);
}

/** A podcast by id: a preview's, else the library's. */
export async function findPodcast(id: string): Promise<Podcast | undefined> {
  return previews.find((preview) => preview.podcast.id === id)?.podcast ?? getPodcast(id);
}
