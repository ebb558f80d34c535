// When to try a download again, and when to give up: shared by the page and the service worker.

/** Transient failures are retried this many times before the download is marked failed. */
export const MAX_ATTEMPTS = 8;

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5 * 60_000;

/** Statuses worth retrying: the server may answer differently later. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * Milliseconds to wait before attempt `attempt + 1` (attempt counts from 1): exponential backoff
 * with full jitter, or the server's Retry-After (seconds or an HTTP date) when it gives one.
 */
export function retryDelay(
  attempt: number,
  retryAfter: string | null | undefined,
  now = Date.now(),
  random = Math.random,
): number {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return Math.min(asked, MAX_DELAY_MS);
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  // Full jitter spreads many clients out; a floor keeps a tight loop impossible.
  return Math.max(250, Math.round(random() * ceiling));
}

/** Retry-After as milliseconds from `now`, or undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
