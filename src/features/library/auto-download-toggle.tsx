// Per podcast: download new episodes automatically when a refresh finds them.
import { setAutoDownload } from '../../db/listener-marks.ts';
import type { Podcast } from '../../db/schema.ts';

/** A checkbox stored on the podcast. */
export function AutoDownloadToggle({ podcast }: { podcast: Podcast }) {
  return (
    <label className="played-toggle">
      <input
        type="checkbox"
        checked={podcast.autoDownload === true}
        onChange={(event) => void setAutoDownload(podcast.id, event.currentTarget.checked)}
      />
      Download new episodes
    </label>
  );
}
