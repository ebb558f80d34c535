// A podcast's episodes as a virtualised list: only the rows near the viewport are in the DOM, so
// a feed of thousands of episodes renders and scrolls like one of ten. Rows stay <li>s in one
// <ul>, sized by measurement (titles wrap, notes come and go), with their position announced.
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useLayoutEffect, useRef, useState } from 'react';
import type { Episode } from '../../db/schema.ts';
import { EpisodeItem } from './episode-item.tsx';
import { useScrollToEpisode } from './use-scroll-to-episode.ts';

/** Rows rendered beyond each edge of the viewport: enough that short lists render whole. */
const OVERSCAN = 10;

/** Nothing, for the first render. */
const NO_EPISODES: Episode[] = [];

/** The episodes of one podcast, newest first as given. */
export function EpisodeList({
  episodes: given,
  artworkUrl,
  focusEpisodeId,
}: {
  episodes: Episode[];
  artworkUrl?: string;
  /** An episode to scroll to and focus, e.g. from a notification's link. */
  focusEpisodeId?: string;
}) {
  // The rows render after the rest of the page, in a render React can interrupt: a page and its
  // rows in one task blocked the main thread for 90-130 ms (bench 6).
  const episodes = useDeferredValue(given, NO_EPISODES);
  const listRef = useRef<HTMLUListElement>(null);
  const [listTop, setListTop] = useState(0);
  useLayoutEffect(() => {
    // Where the list starts in the page; what sits above it (description, notices) can move it.
    const list = listRef.current;
    if (!list) return;
    const measure = () => setListTop(Math.round(list.getBoundingClientRect().top + window.scrollY));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    for (let above = list.previousElementSibling; above; above = above.previousElementSibling) {
      observer.observe(above);
    }
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: episodes.length,
    estimateSize: () => 96,
    overscan: OVERSCAN,
    scrollMargin: listTop,
    getItemKey: (index) => episodes[index]?.id ?? index,
    useFlushSync: false,
  });
  useScrollToEpisode(virtualizer, episodes, focusEpisodeId);
  return (
    <ul
      ref={listRef}
      className="episode-list"
      aria-label="Episodes"
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {virtualizer.getVirtualItems().map((row) => {
        const episode = episodes[row.index];
        if (!episode) return null;
        return (
          <EpisodeItem
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={row.index}
            aria-setsize={episodes.length}
            aria-posinset={row.index + 1}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${row.start - listTop}px)`,
            }}
            episode={episode}
            artworkUrl={episode.artworkUrl ?? artworkUrl}
          />
        );
      })}
    </ul>
  );
}
