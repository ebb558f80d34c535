// Which downloads the listener's storage settings say should go: played episodes past the
// auto-delete age, then, while the downloads are over the budget, played ones oldest played first.
// Unplayed episodes are never deleted for the budget: the listener asked for them.

const DAY_MS = 24 * 60 * 60 * 1000;

/** One downloaded episode as the policy sees it. */
export interface StoredEpisode {
  episodeId: string;
  bytes: number;
  /** When the listener finished it; undefined while unplayed. */
  playedAt?: number;
}

/** The listener's storage settings. */
export interface StoragePolicy {
  autoDeletePlayedAfterDays: number | null;
  storageBudgetBytes: number | null;
  storageBudgetEpisodes: number | null;
}

/** Episode ids to delete now, in the order to delete them; `keep` (the one playing) never goes. */
export function downloadsToDelete(
  stored: readonly StoredEpisode[],
  policy: StoragePolicy,
  now: number,
  keep?: string | null,
): string[] {
  const played = stored
    .filter((item) => item.playedAt !== undefined && item.episodeId !== keep)
    .sort((a, b) => a.playedAt! - b.playedAt!);
  const days = policy.autoDeletePlayedAfterDays;
  const expired =
    days === null ? [] : played.filter((item) => item.playedAt! <= now - days * DAY_MS);
  const doomed = new Set(expired.map((item) => item.episodeId));
  let bytes = sum(stored) - sum(expired);
  let count = stored.length - expired.length;
  for (const item of played) {
    if (!overBudget(policy, bytes, count)) break;
    if (doomed.has(item.episodeId)) continue;
    doomed.add(item.episodeId);
    bytes -= item.bytes;
    count -= 1;
  }
  return [...doomed];
}

/**
 * Whether `incoming` more downloads fit the budget once the played downloads the policy would give
 * up are gone (automatic downloads must not push out episodes the listener has not heard).
 */
export function fitsBudget(
  stored: readonly StoredEpisode[],
  policy: StoragePolicy,
  incoming: readonly { bytes: number }[],
): boolean {
  const kept = [...stored.filter((item) => item.playedAt === undefined), ...incoming];
  return !overBudget(policy, sum(kept), kept.length);
}

function overBudget(policy: StoragePolicy, bytes: number, count: number): boolean {
  return (
    (policy.storageBudgetBytes !== null && bytes > policy.storageBudgetBytes) ||
    (policy.storageBudgetEpisodes !== null && count > policy.storageBudgetEpisodes)
  );
}

function sum(items: readonly { bytes: number }[]): number {
  return items.reduce((total, item) => total + item.bytes, 0);
}
