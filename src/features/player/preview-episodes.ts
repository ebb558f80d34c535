// Episodes the listener can play before subscribing (Discover's preview). They live in memory
// only, never in Dexie, so nothing about them outlives the page: the player plays them like any
// other episode but saves no position, played mark, speed or "now playing" for them.
import { getEpisode, getPodcast } from '../../db/library.ts';
import type { Episode, Podcast } from '../../db/schema.ts';
import { usePlayerStore } from './player-store.ts';

/** Podcasts previewed this session, newest last; a few, so memory stays small. */
const previews = new Map<string, { podcast: Podcast; episodes: Map<string, Episode> }>();
const KEEP = 3;

/** Makes a previewed podcast's episodes playable by id (replacing its earlier ones). */
export function showPreview(podcast: Podcast, episodes: Episode[]): void {
  previews.delete(podcast.id);
  previews.set(podcast.id, {
    podcast,
    episodes: new Map(episodes.map((episode) => [episode.id, episode])),
  });
  // The oldest previews go, except the one whose episode is in the player.
  const playing = usePlayerStore.getState().episodeId;
  for (const [id, preview] of [...previews].slice(0, Math.max(0, previews.size - KEEP))) {
    if (!playing || !preview.episodes.has(playing)) previews.delete(id);
  }
}

function previewEpisode(id: string): Episode | undefined {
  for (const { episodes } of previews.values()) {
    const episode = episodes.get(id);
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
  return previews.get(id)?.podcast ?? getPodcast(id);
}
