// Asking for an episode's audio: the `requested` event, the same whether the listener pressed
// Download on the page or the service worker queued a new episode for automatic download.
import { dispatchDownload } from '../db/downloads.ts';
import type { DownloadStrategy, Episode } from '../db/schema.ts';

/** Queues `episode` for download with `strategy`; false when it has no audio or is already asked for. */
export async function requestDownload(
  episode: Episode,
  artworkUrl: string | undefined,
  strategy: DownloadStrategy,
): Promise<boolean> {
  if (!episode.enclosure) return false;
  const { changed } = await dispatchDownload(episode.id, {
    type: 'requested',
    title: episode.title,
    sourceUrl: episode.enclosure.url,
    artworkUrl,
    strategy,
  });
  return changed;
}
