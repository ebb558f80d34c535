// The in-page downloader against a host that behaves like real podcast hosting: it stores the
// file once, byte for byte, resumes from the last stored byte through drops, goes around a host
// that refuses CORS or whose resolved address expired, never splices two versions of a file, and
// keeps what it stored when the disk fills up.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { dispatchDownload } from '../../../../src/db/downloads.ts';
import { readMedia, storedBytes } from '../../../../src/db/media-parts.ts';
import { fetchAudio, type AudioJob } from '../../../../src/downloads/fetch-audio.ts';
import { proxiedUrl } from '../../../../src/shared/proxy-url.ts';
import { aDownload } from './a-download.ts';
import { fakeHost, fileOf, RESOLVED, SOURCE, type FakeHost } from './fake-host.ts';

const MIB = 1 << 20;
const EPISODE = 'e1';
let host: FakeHost;
let file: Uint8Array;

beforeEach(async () => {
  await db.delete();
  await db.open();
  file = fileOf(3 * MIB + 123);
  host = fakeHost(file);
  vi.stubGlobal('fetch', host.fetch);
});

/** Starts a new attempt, as the scheduler does, and runs it; returns its result. */
async function attempt(options: { signal?: AbortSignal; stallMs?: number } = {}) {
  const { download } = await dispatchDownload(EPISODE, { type: 'started' });
  const job: AudioJob = { ...download! };
  return fetchAudio(job, {
    signal: options.signal ?? new AbortController().signal,
    stallMs: options.stallMs ?? 5_000,
  });
}

/** The stored audio, as a hex digest (toEqual on megabytes of bytes takes minutes). */
async function stored(): Promise<string> {
  const size = await storedBytes(EPISODE);
  return digest(
    new Uint8Array(await new Response(await readMedia(EPISODE, 0, size - 1)).arrayBuffer()),
  );
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const gets = () => host.requests.filter((r) => r.method === 'GET');

describe('fetchAudio', () => {
  beforeEach(async () => {
    await db.downloads.put(
      aDownload({ episodeId: EPISODE, state: 'queued', sourceUrl: SOURCE, generation: 0 }),
    );
  });

  it('stores the file once, through the tracking redirect, and marks it downloaded', async () => {
    expect(await attempt()).toEqual({ kind: 'stored' });
    expect(await stored()).toBe(digest(file));
    expect(await db.downloads.get(EPISODE)).toMatchObject({
      state: 'downloaded',
      bytesDone: file.length,
      fetchUrl: RESOLVED,
      contentType: 'audio/mpeg',
    });
    // The first request goes through the enclosure URL, so the publisher's analytics count it.
    expect(gets().map((r) => r.url)).toEqual([SOURCE]);
    expect(host.served()).toBe(file.length);
  });

  it('resumes a dropped connection from the last byte that arrived, where the redirect led', async () => {
    host.drops.push(MIB + 5);
    const first = await attempt();
    expect(first).toMatchObject({
      kind: 'failed',
      progressed: true,
      failure: { reason: 'fetch-error', retryable: true },
    });
    // Nothing that arrived is lost: the bytes before the drop are stored.
    expect(await storedBytes(EPISODE)).toBe(MIB + 5);
    expect(await attempt()).toEqual({ kind: 'stored' });
    expect(await stored()).toBe(digest(file));
    const resume = gets().at(-1)!;
    expect(resume).toMatchObject({ url: RESOLVED, range: `bytes=${MIB + 5}-`, ifRange: '"v1"' });
    expect(host.served()).toBe(file.length);
  });

  it('goes on through the proxy from the stored byte when the resume needs a preflight the CDN refuses', async () => {
    host.drops.push(MIB);
    await attempt();
    host.noPreflight.add('cdn.example');
    expect(await attempt()).toEqual({ kind: 'stored' });
    expect(await stored()).toBe(digest(file));
    expect(gets().at(-1)).toMatchObject({ url: proxiedUrl(SOURCE), range: `bytes=${MIB}-` });
    expect((await db.downloads.get(EPISODE))?.fetchUrl).toBe(proxiedUrl(SOURCE));
  });

  it('fetches through the proxy from the start when a hop sends no CORS headers, wasting nothing', async () => {
    host.noCors.add('track.example');
    expect(await attempt()).toEqual({ kind: 'stored' });
    expect(await stored()).toBe(digest(file));
    expect(gets().map((r) => r.url)).toEqual([proxiedUrl(SOURCE)]);
    expect(host.served()).toBe(file.length);
  });

  it('takes a host that never answers for the network, not for missing CORS: no proxy', async () => {
    host.silentGets = 1;
    const result = await attempt({ stallMs: 50 });
    expect(result).toMatchObject({
      kind: 'failed',
      failure: { reason: 'fetch-error', message: 'The server did not answer in time.' },
    });
    expect(host.requests.some((r) => r.url.startsWith(proxiedUrl('')))).toBe(false);
  });

  it('goes back to the enclosure URL when the address it led to has expired', async () => {
    host.drops.push(MIB);
    await attempt();
    host.expired = true;
    expect(await attempt()).toEqual({ kind: 'stored' });
    expect(await stored()).toBe(digest(file));
    expect(
      gets()
        .slice(-2)
        .map((r) => [r.url, r.range]),
    ).toEqual([
      [RESOLVED, `bytes=${MIB}-`],
      [SOURCE, `bytes=${MIB}-`],
    ]);
  });

  it('asks the re-resolved address directly when the redirect dropped Range (WebKit)', async () => {
    host.drops.push(MIB);
    await attempt();
    host.expired = true;
    host.dropsRangeOnRedirect = true;
    expect(await attempt()).toEqual({ kind: 'stored' });
    expect(await stored()).toBe(digest(file));
    expect(gets().at(-1)).toMatchObject({ url: RESOLVED, range: `bytes=${MIB}-` });
    // The whole file sent back to the redirected resume was cancelled, not downloaded again.
    expect(host.served()).toBeLessThan(file.length + 2 * 64 * 1024);
  });

  it('starts again from byte 0 when the server ignores Range, never splicing', async () => {
    host.drops.push(MIB);
    await attempt();
    host.ignoreRange = true;
    expect(await attempt()).toEqual({ kind: 'stored' });
    expect(await stored()).toBe(digest(file));
  });

  it('starts again from byte 0 when the file changed on the server (If-Range)', async () => {
    host.drops.push(MIB);
    await attempt();
    const replacement = fileOf(2 * MIB, 9);
    host.replace(replacement);
    expect(await attempt()).toEqual({ kind: 'stored' });
    expect(await stored()).toBe(digest(replacement));
  });

  it('stops when told to, storing nothing more and marking nothing downloaded', async () => {
    const controller = new AbortController();
    host.drops.push(10); // never completes on its own: the abort wins
    controller.abort();
    expect(await attempt({ signal: controller.signal })).toEqual({ kind: 'aborted' });
    expect((await db.downloads.get(EPISODE))?.state).toBe('downloading');
  });

  it('writes nothing for an attempt that was cancelled while it ran', async () => {
    const running = attempt();
    await dispatchDownload(EPISODE, { type: 'cancelled' });
    expect(await running).toEqual({ kind: 'aborted' });
    expect(await db.parts.count()).toBe(0);
    expect((await db.downloads.get(EPISODE))?.state).toBe('cancelled');
  });

  it('fails without retrying when the episode is gone (404), saying so', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 404 }));
    expect(await attempt()).toMatchObject({
      kind: 'failed',
      failure: { reason: 'bad-status', retryable: false, message: expect.stringMatching(/404/) },
    });
  });

  it('keeps what it stored when the disk fills up, so a retry goes on from there', async () => {
    file = fileOf(24 * MIB);
    host = fakeHost(file);
    vi.stubGlobal('fetch', host.fetch);
    const put = db.parts.put.bind(db.parts);
    let writes = 0;
    vi.spyOn(db.parts, 'put').mockImplementation((part, key) =>
      ++writes === 2
        ? (Promise.reject(
            // As Chromium reports it through Dexie: the transaction aborted, for lack of space.
            Object.assign(new DOMException('aborted', 'AbortError'), {
              inner: new DOMException('full', 'QuotaExceededError'),
            }),
          ) as never)
        : put(part, key),
    );
    const result = await attempt();
    expect(result).toMatchObject({
      kind: 'failed',
      failure: { reason: 'quota-exceeded', retryable: false },
    });
    const kept = await storedBytes(EPISODE);
    expect(kept).toBeGreaterThan(0);
    vi.restoreAllMocks();
    vi.stubGlobal('fetch', host.fetch);
    expect(await attempt()).toEqual({ kind: 'stored' });
    expect(gets().at(-1)?.range).toBe(`bytes=${kept}-`);
    expect(await stored()).toBe(digest(file));
  });

  it('keeps nothing of a captive portal page, even over stored bytes, and says why', async () => {
    host.drops.push(1 * MIB);
    expect((await attempt()).kind).toBe('failed');
    const kept = await storedBytes(EPISODE);
    expect(kept).toBeGreaterThan(0);
    const page = '<!DOCTYPE html><html><title>Sign in to the Wi-Fi</title></html>';
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(page, { headers: { 'Content-Type': 'text/html' } })),
    );
    expect(await attempt()).toMatchObject({
      kind: 'failed',
      failure: {
        reason: 'web-page',
        message:
          'The network answered with a web page instead of the episode — are you signed in to this Wi-Fi?',
      },
    });
    // The bytes already stored are still there for when the real host answers again.
    expect(await storedBytes(EPISODE)).toBe(kept);
    vi.stubGlobal('fetch', host.fetch);
    expect(await attempt()).toEqual({ kind: 'stored' });
    expect(await stored()).toBe(digest(file));
  });

  it('stores audio sent with a vague type, and refuses what is not audio whatever its type', async () => {
    const vague = (body: Uint8Array | string, type: string) =>
      vi.stubGlobal('fetch', (_: string, init?: RequestInit) =>
        Promise.resolve(
          init?.method === 'HEAD'
            ? new Response(null, { status: 405 })
            : new Response(body as BodyInit, { headers: { 'Content-Type': type } }),
        ),
      );
    vague('{"error":"no such file"}', 'audio/mpeg');
    expect(await attempt()).toMatchObject({ kind: 'failed', failure: { reason: 'not-audio' } });
    expect(await storedBytes(EPISODE)).toBe(0);
    vague(file, 'text/plain');
    expect(await attempt()).toEqual({ kind: 'stored' });
    expect(await stored()).toBe(digest(file));
  });
});
