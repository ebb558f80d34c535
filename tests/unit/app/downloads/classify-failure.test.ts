import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../../src/downloads/classify-failure.ts';
import { FetchFailure } from '../../../../src/downloads/fetch-failure.ts';
import { MAX_ATTEMPTS } from '../../../../src/shared/retry-policy.ts';

const status = (code: number, headers: Record<string, string> = {}) =>
  FetchFailure.fromResponse(new Response(null, { status: code, headers }));

describe('what follows a failed attempt', () => {
  it('fails at once, in words, on a permanent error', () => {
    expect(classifyFailure(status(404), 1, true)).toMatchObject({
      kind: 'fail',
      reason: 'bad-status',
      message: expect.stringMatching(/404/),
    });
    expect(classifyFailure(status(410), 1, true).kind).toBe('fail');
    expect(classifyFailure(status(403), 1, true).kind).toBe('fail');
  });

  it('retries 5xx, 429 and dropped connections, honouring Retry-After', () => {
    expect(classifyFailure(status(503, { 'Retry-After': '2' }), 1, true)).toMatchObject({
      kind: 'retry',
      delayMs: 2000,
    });
    expect(classifyFailure(status(429), 1, true).kind).toBe('retry');
    expect(classifyFailure(new TypeError('Failed to fetch'), 1, true).kind).toBe('retry');
  });

  it('gives up after too many failures in a row', () => {
    expect(classifyFailure(status(503), MAX_ATTEMPTS, true).kind).toBe('fail');
  });

  it('pauses instead of retrying while offline', () => {
    expect(classifyFailure(new TypeError('Failed to fetch'), 1, false)).toEqual({
      kind: 'offline',
    });
  });

  it('reports a full disk as quota-exceeded, and an aborted job as cancelled', () => {
    expect(classifyFailure(new DOMException('full', 'QuotaExceededError'), 1, true)).toMatchObject({
      kind: 'fail',
      reason: 'quota-exceeded',
    });
    const job = new AbortController();
    job.abort();
    expect(classifyFailure(new TypeError('x'), 1, true, job.signal)).toEqual({ kind: 'cancelled' });
  });
});
