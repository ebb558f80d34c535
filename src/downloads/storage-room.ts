// What the storage settings allow, read from the database: the policy, the downloads it applies
// to, and whether more downloads fit. No DOM: the service worker's automatic downloads ask too.
import { listDownloadedEpisodes, type DownloadedEpisode } from '../db/downloaded-episodes.ts';
import { downloadSize, listActiveDownloads } from '../db/downloads.ts';
import { getSetting, getSettingOrDefault } from '../db/settings.ts';
import { fitsBudget, type StoragePolicy, type StoredEpisode } from './storage-policy.ts';

/** The policy and, when it asks for anything, the downloaded episodes it applies to. */
export async function readStorageState(): Promise<{
  stored: DownloadedEpisode[];
  policy: StoragePolicy;
  playing: string | null | undefined;
}> {
  const policy: StoragePolicy = {
    autoDeletePlayedAfterDays: await getSettingOrDefault('autoDeletePlayedAfterDays'),
    storageBudgetBytes: await getSettingOrDefault('storageBudgetBytes'),
    storageBudgetEpisodes: await getSettingOrDefault('storageBudgetEpisodes'),
  };
  // With every limit off there is nothing to enforce, so nothing to read or to watch.
  const idle = Object.values(policy).every((value) => value === null);
  const stored = idle ? [] : await listDownloadedEpisodes();
  return { stored, policy, playing: await getSetting('nowPlayingEpisodeId') };
}

/**
 * Whether downloads of these sizes fit the storage budget besides the downloads already kept or
 * under way (for automatic downloads).
 */
export async function roomForDownloads(sizes: readonly number[]): Promise<boolean> {
  const { stored, policy } = await readStorageState();
  const running = (await listActiveDownloads()).map((download) => ({
    bytes: downloadSize(download),
  }));
  return fitsBudget(stored.map(asStored), policy, [
    ...running,
    ...sizes.map((bytes) => ({ bytes })),
  ]);
}

/** A downloaded episode as the storage policy sees it. */
export function asStored({ download, episode, bytes }: DownloadedEpisode): StoredEpisode {
  return { episodeId: download.episodeId, bytes, playedAt: episode?.playedAt };
}
