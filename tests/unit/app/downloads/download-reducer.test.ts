// The download reducer: every event from every state, the attempt (generation) rule, and what a
// failure leads to. The state machine's rules are read here and nowhere else.
import { describe, expect, it } from 'vitest';
import { nextDownload, type DownloadEvent } from '../../../../src/db/download-reducer.ts';
import type { Download, DownloadState } from '../../../../src/db/schema.ts';
import { FetchFailure } from '../../../../src/shared/fetch-failure.ts';
import { MAX_ATTEMPTS } from '../../../../src/shared/retry-policy.ts';
import { aDownload } from './a-download.ts';

const NOW = 1_000_000;
const STATES: DownloadState[] = [
  'queued',
  'downloading',
  'paused',
  'downloaded',
  'failed',
  'cancelled',
];
const G = 5;
const online = { progressed: false, online: true, jitter: 0.5 } as const;

/** Each event of the current attempt, and the states it applies in (→ the state it leads to). */
const TABLE: [DownloadEvent, Partial<Record<DownloadState, DownloadState>>][] = [
  [{ type: 'retried' }, { failed: 'queued' }],
  [
    { type: 'started' },
    { queued: 'downloading', paused: 'downloading', downloading: 'downloading' },
  ],
  [{ type: 'resumed', generation: G }, { paused: 'downloading' }],
  [{ type: 'held', generation: G }, { downloading: 'paused' }],
  [
    { type: 'responded', generation: G, fetchUrl: 'https://cdn.example/b.mp3', bytesTotal: 9 },
    { downloading: 'downloading' },
  ],
  [{ type: 'progressed', generation: G, bytesDone: 3 }, { downloading: 'downloading' }],
  [
    { type: 'storing', generation: G },
    { downloading: 'downloading', paused: 'downloading' },
  ],
  [
    { type: 'stored', generation: G, bytes: 9 },
    { downloading: 'downloaded', paused: 'downloaded' },
  ],
  [{ type: 'went-offline' }, { downloading: 'paused', paused: 'paused' }],
  [
    { type: 'failed', generation: G, failure: FetchFailure.fromStatus(404), ...online },
    { downloading: 'failed', paused: 'failed' },
  ],
  [{ type: 'cancelled' }, { queued: 'cancelled', downloading: 'cancelled', paused: 'cancelled' }],
  [
    { type: 'cancelled', generation: G },
    { queued: 'cancelled', downloading: 'cancelled', paused: 'cancelled' },
  ],
  [{ type: 'moved', bytes: 9 }, { downloaded: 'downloaded' }],
];

describe('every event from every state', () => {
  for (const [event, leadsTo] of TABLE) {
    for (const state of STATES) {
      const to = leadsTo[state];
      it(`${event.type}${'generation' in event ? ' (this attempt)' : ''} from ${state} ${to ? `→ ${to}` : 'is ignored'}`, () => {
        const current = aDownload({ state, pauseReason: state === 'paused' ? 'retry' : undefined });
        const next = nextDownload(current, event, 'e1', NOW);
        if (to) {
          expect(next).not.toBe(current);
          expect(next?.state).toBe(to);
          expect(next?.updatedAt).toBe(NOW);
        } else {
          expect(next).toBe(current);
        }
      });
    }
  }

  it('requested makes a queued record where there is none, or after a failure or a cancel', () => {
    const event: DownloadEvent = {
      type: 'requested',
      title: 'T',
      sourceUrl: 'https://h/a.mp3',
      strategy: 'in-page',
    };
    expect(nextDownload(undefined, event, 'e1', NOW)).toMatchObject({
      episodeId: 'e1',
      state: 'queued',
      sourceUrl: 'https://h/a.mp3',
      bytesDone: 0,
      attempts: 0,
      createdAt: NOW,
    });
    for (const state of STATES) {
      const current = aDownload({ state });
      const next = nextDownload(current, event, 'e1', NOW);
      if (state === 'failed' || state === 'cancelled') {
        expect(next).toMatchObject({ state: 'queued', generation: G });
        expect(next?.failureReason).toBeUndefined();
      } else {
        expect(next).toBe(current);
      }
    }
  });

  it('deleted removes the record from any state, and is harmless without one', () => {
    for (const state of STATES)
      expect(nextDownload(aDownload({ state }), { type: 'deleted' }, 'e1', NOW)).toBeUndefined();
    expect(nextDownload(undefined, { type: 'deleted' }, 'e1', NOW)).toBeUndefined();
  });

  it('no event but requested makes a record out of nothing', () => {
    for (const [event] of TABLE) expect(nextDownload(undefined, event, 'e1', NOW)).toBeUndefined();
  });
});

describe('attempts (generations)', () => {
  it('started begins a new attempt, later than any before, even one made in the same millisecond', () => {
    expect(
      nextDownload(aDownload({ state: 'queued', generation: 0 }), { type: 'started' }, 'e1', NOW)
        ?.generation,
    ).toBe(NOW);
    expect(
      nextDownload(aDownload({ state: 'queued', generation: NOW }), { type: 'started' }, 'e1', NOW)
        ?.generation,
    ).toBe(NOW + 1);
  });

  it('ignores everything an older attempt reports', () => {
    const events: DownloadEvent[] = [
      { type: 'resumed', generation: G - 1 },
      { type: 'responded', generation: G - 1, fetchUrl: 'x' },
      { type: 'progressed', generation: G - 1, bytesDone: 1 },
      { type: 'storing', generation: G - 1 },
      { type: 'stored', generation: G - 1, bytes: 1 },
      { type: 'failed', generation: G - 1, failure: FetchFailure.network(), ...online },
      { type: 'cancelled', generation: G - 1 },
    ];
    for (const state of ['downloading', 'paused'] as const) {
      const current = aDownload({ state, pauseReason: 'offline' });
      for (const event of events) expect(nextDownload(current, event, 'e1', NOW)).toBe(current);
    }
  });

  it('a late abort of an earlier Background Fetch does not cancel the new attempt', () => {
    const current = aDownload({ strategy: 'background-fetch', generation: 9 });
    expect(nextDownload(current, { type: 'cancelled', generation: 8 }, 'e1', NOW)).toBe(current);
  });

  it('is kept across a delete and a new request, so attempts of the old record stay old', () => {
    const failed = aDownload({ state: 'failed', generation: 42 });
    const again = nextDownload(
      failed,
      { type: 'requested', title: 'T', sourceUrl: 'u', strategy: 'in-page' },
      'e1',
      NOW,
    );
    expect(again?.generation).toBe(42);
  });
});

describe('what each change keeps and clears', () => {
  it('stored makes the bytes the audio, clears every sign of waiting, and dates it', () => {
    const current = aDownload({
      state: 'paused',
      pauseReason: 'offline',
      storingSince: 3,
      attempts: 4,
      bytesTotal: 20,
    });
    expect(
      nextDownload(
        current,
        { type: 'stored', generation: G, bytes: 12, contentType: 'audio/mpeg' },
        'e1',
        NOW,
      ),
    ).toMatchObject({
      state: 'downloaded',
      bytesDone: 12,
      bytesTotal: 12,
      contentType: 'audio/mpeg',
      attempts: 0,
      pauseReason: undefined,
      storingSince: undefined,
      downloadedAt: NOW,
    });
  });

  it('storing marks when the service worker began storing, so the page does not take it for lost', () => {
    expect(
      nextDownload(aDownload(), { type: 'storing', generation: G }, 'e1', NOW)?.storingSince,
    ).toBe(NOW);
  });

  it('a download being stored does not pause when the network goes', () => {
    const storing = aDownload({ storingSince: 1 });
    expect(nextDownload(storing, { type: 'went-offline' }, 'e1', NOW)).toBe(storing);
  });

  it('held pauses an attempt the browser holds for the listener; one already stored is not held', () => {
    expect(nextDownload(aDownload(), { type: 'held', generation: G }, 'e1', NOW)).toMatchObject({
      state: 'paused',
      pauseReason: 'held',
      generation: G,
    });
    const storing = aDownload({ storingSince: 1 });
    expect(nextDownload(storing, { type: 'held', generation: G }, 'e1', NOW)).toBe(storing);
    // A held attempt waits for the listener, not for the network.
    const held = aDownload({ state: 'paused', pauseReason: 'held' });
    expect(nextDownload(held, { type: 'went-offline' }, 'e1', NOW)).toBe(held);
  });

  it('went-offline pauses a download waiting to retry as well, and forgets the retry time', () => {
    const waiting = aDownload({ state: 'paused', pauseReason: 'retry', nextRetryAt: NOW + 5 });
    expect(nextDownload(waiting, { type: 'went-offline' }, 'e1', NOW)).toMatchObject({
      pauseReason: 'offline',
      nextRetryAt: undefined,
    });
  });

  it('moved makes the moved file’s size the download’s, nothing else', () => {
    const current = aDownload({ state: 'downloaded', bytesDone: 12, bytesTotal: 12 });
    const next = nextDownload(current, { type: 'moved', bytes: 9 }, 'e1', NOW);
    expect(next).toEqual({ ...current, bytesDone: 9, bytesTotal: 9, updatedAt: NOW });
  });

  it('progressed updates bytes (and the total when given), nothing else', () => {
    const current = aDownload({ bytesTotal: 100 });
    expect(
      nextDownload(current, { type: 'progressed', generation: G, bytesDone: 40 }, 'e1', NOW),
    ).toEqual({ ...current, bytesDone: 40, updatedAt: NOW });
  });

  it('responded records where the attempt fetches and what it learned', () => {
    const next = nextDownload(
      aDownload(),
      {
        type: 'responded',
        generation: G,
        fetchUrl: 'https://cdn/b',
        bytesTotal: 9,
        etag: '"x"',
        contentType: 'audio/mp4',
      },
      'e1',
      NOW,
    );
    expect(next).toMatchObject({
      fetchUrl: 'https://cdn/b',
      bytesTotal: 9,
      etag: '"x"',
      contentType: 'audio/mp4',
    });
  });

  it('cancelled forgets the bytes and says why', () => {
    expect(
      nextDownload(aDownload({ bytesDone: 7 }), { type: 'cancelled' }, 'e1', NOW),
    ).toMatchObject({ state: 'cancelled', bytesDone: 0, failureReason: 'aborted' });
  });

  it('retried starts the count again and goes to the back of the queue', () => {
    const failed = aDownload({
      state: 'failed',
      attempts: 8,
      failureReason: 'bad-status',
      failureMessage: 'x',
      createdAt: 1,
    });
    expect(nextDownload(failed, { type: 'retried' }, 'e1', NOW)).toMatchObject({
      state: 'queued',
      attempts: 0,
      failureReason: undefined,
      failureMessage: undefined,
      createdAt: NOW,
    });
  });
});

describe('after a failed attempt', () => {
  const fail = (
    current: Download,
    failure: FetchFailure,
    extra: Partial<{ progressed: boolean; online: boolean; jitter: number }> = {},
  ) =>
    nextDownload(
      current,
      { type: 'failed', generation: G, failure, ...online, ...extra },
      'e1',
      NOW,
    );

  it('a failure retrying cannot help fails at once, with the reason in words', () => {
    expect(fail(aDownload(), FetchFailure.fromStatus(404))).toMatchObject({
      state: 'failed',
      failureReason: 'bad-status',
      failureMessage: 'The episode file is not on the server (404).',
      bytesDone: 0,
    });
    expect(fail(aDownload(), FetchFailure.quota())).toMatchObject({
      state: 'failed',
      failureReason: 'quota-exceeded',
    });
  });

  it('a web page in place of the episode waits for another connection, never counting down', () => {
    const paused = fail(aDownload({ attempts: MAX_ATTEMPTS - 1 }), FetchFailure.webPage());
    expect(paused).toMatchObject({
      state: 'paused',
      pauseReason: 'web-page',
      attempts: MAX_ATTEMPTS - 1,
      nextRetryAt: undefined,
      failureMessage:
        'The network answered with a web page instead of the episode — are you signed in to this Wi-Fi?',
    });
    // Losing the network on the way waits for it like any pause; it comes back as a new start.
    expect(nextDownload(paused, { type: 'went-offline' }, 'e1', NOW)).toMatchObject({
      state: 'paused',
      pauseReason: 'offline',
    });
    expect(fail(aDownload(), FetchFailure.notAudio('audio/mpeg'))).toMatchObject({
      state: 'failed',
      failureReason: 'not-audio',
      failureMessage:
        'The server sent something that is not an audio file (audio/mpeg), so nothing was kept.',
    });
  });

  it('a passing failure waits and tries again, honouring Retry-After', () => {
    expect(fail(aDownload(), FetchFailure.fromStatus(503, '7'))).toMatchObject({
      state: 'paused',
      pauseReason: 'retry',
      nextRetryAt: NOW + 7000,
      attempts: 1,
    });
  });

  it('backs off with jitter when the server says nothing', () => {
    const next = fail(aDownload({ attempts: 3 }), FetchFailure.network(), { jitter: 0.5 });
    expect(next).toMatchObject({ state: 'paused', attempts: 4 });
    expect(next!.nextRetryAt! - NOW).toBe(4000); // half of 2^3 s
  });

  it('offline, a passing failure waits for the network instead', () => {
    expect(fail(aDownload(), FetchFailure.network(), { online: false })).toMatchObject({
      state: 'paused',
      pauseReason: 'offline',
    });
  });

  it(`gives up after ${MAX_ATTEMPTS} failures in a row, saying so`, () => {
    const next = fail(aDownload({ attempts: MAX_ATTEMPTS - 1 }), FetchFailure.network());
    expect(next).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
    expect(next?.failureMessage).toMatch(`Gave up after ${MAX_ATTEMPTS} tries.`);
  });

  it('an attempt that brought bytes starts the count again', () => {
    expect(
      fail(aDownload({ attempts: MAX_ATTEMPTS - 1 }), FetchFailure.network(), { progressed: true }),
    ).toMatchObject({ state: 'paused', attempts: 1 });
  });

  it('a total that turned out too small is remembered, so the next attempt promises none', () => {
    const failure = new FetchFailure('download-total-exceeded', 'too big', true);
    expect(fail(aDownload(), failure)).toMatchObject({ state: 'paused', sizeVaries: true });
  });
});
