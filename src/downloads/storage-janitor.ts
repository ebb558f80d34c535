// Keeps downloads within the listener's storage settings: whenever downloads, played state or the
// settings change (and hourly, for "after N days"), it deletes what the storage policy says should
// go. One tab does it, holding a Web Lock, as one tab runs the downloads.
import { liveQuery } from 'dexie';
import { listDownloadedEpisodes, type DownloadedEpisode } from '../db/downloaded-episodes.ts';
import { downloadSize, listActiveDownloads } from '../db/downloads.ts';
import { getSetting, getSettingOrDefault } from '../db/settings.ts';
import { removeDownloads } from './download-actions.ts';
import { downloadsToDelete, fitsBudget, type StoragePolicy } from './storage-policy.ts';

const HOUR_MS = 60 * 60 * 1000;

let started = false;

/** Starts applying the storage policy, in one tab of the app at a time (idempotent). */
export function startStorageJanitor(): void {
  if (started) return;
  started = true;
  if ('locks' in navigator) void navigator.locks.request('longwave-storage-janitor', watch);
  else void watch();
}

/** Applies the policy whenever what it depends on changes, until the page goes away. */
function watch(): Promise<never> {
  // One pass at a time: a pass's own deletions wake the query, and the next pass sees them done.
  let pass = Promise.resolve();
  const queuePass = () => {
    pass = pass.then(applyStoragePolicy).then(() => undefined, console.error);
  };
  liveQuery(readState).subscribe({ next: queuePass, error: console.error });
  setInterval(queuePass, HOUR_MS);
  return new Promise<never>(() => undefined);
}

/** Deletes, now, the downloads the storage policy says should go; returns how many. */
export async function applyStoragePolicy(): Promise<number> {
  const { stored, policy, playing } = await readState();
  return removeAll(stored, policy, playing);
}

/**
 * Whether downloads of these sizes fit the storage budget besides the downloads already kept or
 * under way (for automatic downloads).
 */
export async function roomForDownloads(sizes: readonly number[]): Promise<boolean> {
  const { stored, policy } = await readState();
  const running = (await listActiveDownloads()).map((download) => ({
    bytes: downloadSize(download),
  }));
  return fitsBudget(stored.map(asStored), policy, [
    ...running,
    ...sizes.map((bytes) => ({ bytes })),
  ]);
}

/** The policy and, when it asks for anything, the downloads it applies to. */
async function readState() {
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

async function removeAll(
  stored: DownloadedEpisode[],
  policy: StoragePolicy,
  playing: string | null | undefined,
): Promise<number> {
  const doomed = downloadsToDelete(stored.map(asStored), policy, Date.now(), playing);
  await removeDownloads(doomed);
  return doomed.length;
}

function asStored({ download, episode, bytes }: DownloadedEpisode) {
  return { episodeId: download.episodeId, bytes, playedAt: episode?.playedAt };
}
