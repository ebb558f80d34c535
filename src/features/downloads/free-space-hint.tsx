// After a download failed for lack of space: what the downloads take, what deleting the played
// ones would free, and the way to the storage settings.
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { listDownloadedEpisodes, summarizeDownloads } from '../../db/downloaded-episodes.ts';
import { formatBytes } from '../../shared/format.ts';

/** One sentence and a link to Settings › Storage. */
export function FreeSpaceHint() {
  const summary = useLiveQuery(async () => summarizeDownloads(await listDownloadedEpisodes()));
  if (!summary) return null;
  const { count, bytes, played, playedBytes } = summary;
  return (
    <>
      {' '}
      {count > 0 &&
        `Downloads take ${formatBytes(bytes)}${played.length > 0 ? `, of which ${formatBytes(playedBytes)} ${played.length === 1 ? 'is 1 played episode' : `are ${played.length} played episodes`}` : ''}. `}
      <Link href="/settings#storage">Free up space in Settings</Link>
    </>
  );
}
