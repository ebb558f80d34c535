// URLs from directory answers: only absolute http(s) ones survive, without credentials, capped.

import { toHttpUrl } from '../../src/shared/url-rules.ts';

const MAX_URL_LENGTH = 2048;

/** `value` as an http(s) URL string (the app's rule), without credentials, capped; or undefined. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return undefined;
  const href = toHttpUrl(value);
  if (!href) return undefined;
  const url = new URL(href);
  return url.hostname && !url.username && !url.password ? href : undefined;
}

/** A whole number from 0 to `max`, or undefined (strings of digits count; 1e300 does not). */
export function count(value: unknown, max = 1_000_000): number | undefined {
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) return undefined;
  return number >= 0 && number <= max ? number : undefined;
}

/** A positive id as directories give them (number or digit string), or undefined. */
export function numericId(value: unknown): number | undefined {
  const id = count(value, Number.MAX_SAFE_INTEGER);
  return id ? id : undefined;
}
