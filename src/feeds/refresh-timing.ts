// When a feed may be fetched again, as its host says: Cache-Control max-age after a success,
// Retry-After with a 429 or 503. Both are capped, so a host's typo cannot silence a podcast.
import { parseDate } from './parse-date.ts';

/** The longest a Cache-Control max-age holds back automatic refreshes. */
export const MAX_FRESH_MS = 24 * 3600_000;
/** The longest a Retry-After holds back refreshes. */
export const MAX_RETRY_AFTER_MS = 7 * 24 * 3600_000;

/** The end of a response's freshness (max-age), or undefined when it gives none. */
export function nextFetchAfter(cacheControl: string | null, now: number): number | undefined {
  const directives = (cacheControl ?? '').toLowerCase();
  if (/(?:^|,)\s*(?:no-cache|no-store)\b/.test(directives)) return undefined;
  const seconds = Number(/(?:^|,)\s*max-age\s*=\s*"?(\d+)/.exec(directives)?.[1]);
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  return now + Math.min(seconds * 1000, MAX_FRESH_MS);
}

/** When Retry-After (delay in seconds, or an HTTP date) allows the next try; undefined if none. */
export function retryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const at = /^\d+$/.test(text) ? now + Number(text) * 1000 : parseDate(text);
  if (!at || at <= now) return undefined;
  return Math.min(at, now + MAX_RETRY_AFTER_MS);
}
