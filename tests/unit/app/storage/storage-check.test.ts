// The consistency check: stored audio no download owns goes, dangling "downloaded" records are
// repaired, nothing a running or finished download owns is touched, and audio downloaded before
// Downloads v2 is moved over first.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { LEGACY_MEDIA_CACHE } from '../../../../src/db/legacy-media.ts';
import type { Download } from '../../../../src/db/schema.ts';
import { checkStorage } from '../../../../src/downloads/storage-check.ts';
import { aDownload } from '../downloads/a-download.ts';
import { memoryCaches } from './memory-caches.ts';

const record = (episodeId: string, state: Download['state'], bytesDone = 5) =>
  aDownload({ episodeId, state, bytesDone, title: `Episode ${episodeId}` });
const part = (episodeId: string) => ({ episodeId, offset: 0, size: 5, blob: new Blob(['audio']) });
const owners = async () => [...new Set((await db.parts.toArray()).map((p) => p.episodeId))].sort();

beforeEach(async () => {
  vi.stubGlobal('caches', memoryCaches());
  await db.delete();
  await db.open();
});

describe('checkStorage', () => {
  it('removes audio no download owns and marks downloads without audio not downloaded', async () => {
    await db.downloads.bulkPut([
      record('kept', 'downloaded'),
      record('dangling', 'downloaded'),
      record('short', 'downloaded', 9),
      record('running', 'downloading'),
      record('failed', 'failed'),
    ]);
    await db.parts.bulkPut(['kept', 'short', 'running', 'failed', 'orphan'].map(part));

    expect(await checkStorage()).toEqual({
      orphanFiles: 2,
      missing: ['Episode dangling', 'Episode short'],
    });
    expect(await owners()).toEqual(['kept', 'running']);
    expect(await db.downloads.get('dangling')).toBeUndefined();
    expect((await db.downloads.get('kept'))?.state).toBe('downloaded');
  });

  it('finds nothing to repair the second time', async () => {
    await db.downloads.put(record('dangling', 'downloaded'));
    await db.parts.put(part('orphan'));
    await checkStorage();
    expect(await checkStorage()).toEqual({ orphanFiles: 0, missing: [] });
  });

  it('first moves audio from the old enclosure-URL cache, so those downloads are not lost', async () => {
    await db.downloads.put(
      aDownload({
        episodeId: 'old',
        state: 'downloaded',
        bytesDone: 5,
        sourceUrl: 'https://h/a.mp3',
      }),
    );
    await (await caches.open(LEGACY_MEDIA_CACHE)).put('https://h/a.mp3', new Response('audio'));
    expect(await checkStorage()).toEqual({ orphanFiles: 0, missing: [] });
    expect(await owners()).toEqual(['old']);
  });
});
