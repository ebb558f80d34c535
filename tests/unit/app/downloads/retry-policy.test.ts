import { describe, expect, it } from 'vitest';
import {
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
} from '../../../../src/shared/retry-policy.ts';

describe('retry policy', () => {
  it('backs off exponentially with full jitter', () => {
    const highest = (attempt: number) => retryDelay(attempt, null, 0, () => 0.999_999);
    expect(highest(1)).toBe(1000);
    expect(highest(2)).toBe(2000);
    expect(highest(4)).toBe(8000);
    expect(retryDelay(4, null, 0, () => 0.5)).toBe(4000);
  });

  it('never waits less than a quarter second or more than five minutes', () => {
    expect(retryDelay(1, null, 0, () => 0)).toBe(250);
    expect(retryDelay(30, null, 0, () => 0.999_999)).toBe(300_000);
  });

  it('honours Retry-After in seconds and as an HTTP date, over the backoff', () => {
    expect(retryDelay(5, '3', 0)).toBe(3000);
    const now = Date.parse('Mon, 23 Nov 2026 10:00:00 GMT');
    expect(retryDelay(1, 'Mon, 23 Nov 2026 10:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(retryDelay(1, '86400', 0)).toBe(300_000);
  });

  it('retries only statuses that may change', () => {
    expect([500, 502, 503, 504, 429, 408].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 416].some(isRetryableStatus)).toBe(false);
  });
});
