// What the directory said about the podcasts last listed, so a preview can show a title and
// artwork at once, before (or without) its feed. Memory only; a few hundred entries at most.
import type { DirectoryPodcast } from '../../shared/directory-answer.ts';

const shown = new Map<string, DirectoryPodcast>();
const KEEP = 300;

/** Remembers the listed podcasts by feed address. */
export function rememberShown(podcasts: DirectoryPodcast[]): void {
  for (const podcast of podcasts) {
    shown.delete(podcast.feedUrl);
    shown.set(podcast.feedUrl, podcast);
  }
  for (const key of [...shown.keys()].slice(0, Math.max(0, shown.size - KEEP))) shown.delete(key);
}

/** The directory's description of the podcast at `feedUrl`, if it was listed. */
export function shownPodcast(feedUrl: string): DirectoryPodcast | undefined {
  return shown.get(feedUrl);
}
