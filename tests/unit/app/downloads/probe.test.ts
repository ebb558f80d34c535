// The probe before a download: what a HEAD may and may not decide, and that a host which never
// answers cannot hold a download for ever.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { probe, PROBE_TIMEOUT_MS } from '../../../../src/downloads/probe.ts';
import { FetchFailure } from '../../../../src/shared/fetch-failure.ts';

const URL = 'https://cdn.example/episode.mp3';

function answering(status: number, headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response(null, { status, headers }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('probe', () => {
  it('takes the size and validators a HEAD gives', async () => {
    vi.stubGlobal('fetch', answering(200, { 'Content-Length': '1234', ETag: '"v1"' }));
    expect(await probe(URL)).toMatchObject({ fetchUrl: URL, bytes: 1234, etag: '"v1"' });
  });

  it.each([403, 405, 500, 503])(
    'leaves the size unknown and the GET to decide on a HEAD %i',
    async (status) => {
      vi.stubGlobal('fetch', answering(status));
      expect(await probe(URL)).toEqual({ fetchUrl: URL });
    },
  );

  it.each([404, 410])('fails at once when the HEAD says the file is gone (%i)', async (status) => {
    vi.stubGlobal('fetch', answering(status));
    await expect(probe(URL)).rejects.toBeInstanceOf(FetchFailure);
  });

  it('gives up on a host that takes the connection and never answers, saying so', async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
          ),
      ),
    );
    const probing = probe(URL);
    const settled = expect(probing).rejects.toMatchObject({
      message: 'The server did not answer in time.',
      retryable: true,
    });
    await vi.advanceTimersByTimeAsync(PROBE_TIMEOUT_MS);
    await settled;
  });
});
