// Keeps downloads within the listener's storage settings: right after the listener marks an episode
// played or changes a setting, and every few seconds besides (episodes played to their end, "after
// N days", a download that went over the budget), it deletes what the storage policy says should go.
// One tab does it, holding a Web Lock, as one tab runs the downloads. With every limit off a pass
// reads three settings and nothing else.
import type { DownloadedEpisode } from '../db/downloaded-episodes.ts';
import { removeDownloads } from './download-actions.ts';
import { downloadsToDelete, type StoragePolicy } from './storage-policy.ts';
import { asStored, readStorageState } from './storage-room.ts';

/** How often the policy is applied besides right after the listener's own changes. */
const INTERVAL_MS = 10_000;

let started = false;
let pass = Promise.resolve();

/** Starts applying the storage policy, in one tab of the app at a time (idempotent). */
export function startStorageJanitor(): void {
  if (started) return;
  started = true;
  const watch = () => {
    applyStoragePolicySoon();
    setInterval(applyStoragePolicySoon, INTERVAL_MS);
    return new Promise<never>(() => undefined);
  };
  if ('locks' in navigator) void navigator.locks.request('longwave-storage-janitor', watch);
  else void watch();
}

/** Queues a pass now (after a played mark or a settings change); one pass runs at a time. */
export function applyStoragePolicySoon(): void {
  pass = pass.then(applyStoragePolicy).then(() => undefined, console.error);
}

/** Deletes, now, the downloads the storage policy says should go; returns how many. */
export async function applyStoragePolicy(): Promise<number> {
  const { stored, policy, playing } = await readStorageState();
  return removeAll(stored, policy, playing);
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
