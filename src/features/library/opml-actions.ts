// OPML import: subscribe to every feed in a file.
import { findPodcastByFeedUrl } from '../../db/library.ts';
import { feedAddress } from '../../feeds/feed-address.ts';
import { feedClient, messageOf, subscribe } from './library-actions.ts';
import { runLimited } from '../../shared/run-limited.ts';

/** What an import did. */
export interface ImportSummary {
  added: number;
  alreadySubscribed: number;
  failed: { name: string; message: string }[];
}

/** Subscribes to every feed in the OPML `text`, three at a time; throws if it is not OPML. */
export async function importOpml(
  text: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportSummary> {
  // Read in the feed worker, with the feeds' XML reader: the page has none.
  const { feedWorker, unwrap } = await feedClient();
  const feeds = unwrap(await feedWorker().parseOpml(text));
  const summary: ImportSummary = { added: 0, alreadySubscribed: 0, failed: [] };
  let done = 0;
  await runLimited(feeds, 3, async (feed) => {
    try {
      if (await findPodcastByFeedUrl(feedAddress(feed.url))) summary.alreadySubscribed += 1;
      else {
        await subscribe(feed.url);
        summary.added += 1;
      }
    } catch (error) {
      summary.failed.push({ name: feed.title ?? feed.url, message: messageOf(error) });
    }
    done += 1;
    onProgress?.(done, feeds.length);
  });
  return summary;
}
