// Brings one episode of a (virtualised) list into view and moves focus to its title, for links
// such as a download notification's that name an episode (?episode=…).
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect } from 'react';
import type { Episode } from '../../db/schema.ts';

/** Scrolls `episodeId` into view once, and focuses its heading. */
export function useScrollToEpisode(
  virtualizer: Virtualizer<Window, Element>,
  episodes: Episode[],
  episodeId: string | undefined,
): void {
  const index = episodeId ? episodes.findIndex((episode) => episode.id === episodeId) : -1;
  useEffect(() => {
    if (index < 0 || !episodeId) return;
    // After the list has measured where it starts (a layout effect) and the page's own scroll.
    const frame = requestAnimationFrame(() => {
      virtualizer.scrollToIndex(index, { align: 'start' });
      requestAnimationFrame(() => document.getElementById(`episode-${episodeId}`)?.focus());
    });
    return () => cancelAnimationFrame(frame);
    // The virtualizer is one object for the list's life: this runs again only when the episode
    // asked for, or its place in the list, changes.
  }, [virtualizer, episodeId, index]);
}
