// The Download button: on a metered connection a large episode asks first (when the listener
// wants that, in Settings); the first background download asks whether it may notify.
import type { Episode } from '../../db/schema.ts';
import { getSettingOrDefault } from '../../db/settings.ts';
import { downloadEpisode } from '../../downloads/download-actions.ts';
import { isMeteredConnection, LARGE_DOWNLOAD_BYTES } from '../../downloads/metered-connection.ts';
import { formatBytes } from '../../shared/format.ts';
import { askForNotificationsOnce } from './ask-for-notifications.ts';

/** Downloads `episode`, after the listener agreed when the connection is metered. */
export async function askThenDownload(episode: Episode, artworkUrl?: string): Promise<void> {
  const size = episode.enclosure?.length ?? 0;
  const ask =
    size > LARGE_DOWNLOAD_BYTES &&
    isMeteredConnection() &&
    (await getSettingOrDefault('warnOnMeteredDownloads'));
  if (
    ask &&
    !confirm(
      `This episode is about ${formatBytes(size)} and your connection may be metered. Download it now?`,
    )
  ) {
    return;
  }
  void askForNotificationsOnce();
  await downloadEpisode(episode, artworkUrl);
}
