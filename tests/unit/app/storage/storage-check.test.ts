// The consistency check: orphan audio and parts go, dangling "downloaded" records are repaired,
// and nothing a running or finished download owns is touched.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import type { Download } from '../../../../src/db/schema.ts';
import { checkStorage } from '../../../../src/downloads/storage-check.ts';
import { MEDIA_CACHE } from '../../../../src/shared/cache-names.ts';
import { memoryCaches } from './memory-caches.ts';

function record(episodeId: string, state: Download['state']): Download {
  const url = `https://host.example/${episodeId}.mp3`;
  return {
    episodeId,
    state,
    strategy: 'in-page',
    url,
    fetchUrl: url,
    title: `Episode ${episodeId}`,
    bytesDone: 0,
    attempts: 0,
    createdAt: 1,
    updatedAt: 1,
  };
}

const media = () => caches.open(MEDIA_CACHE);
const store = async (id: string) =>
  (await media()).put(`https://host.example/${id}.mp3`, new Response('audio'));
const stored = async () => (await (await media()).keys()).map((request) => request.url).sort();

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
      record('running', 'downloading'),
      record('failed', 'failed'),
    ]);
    await store('kept');
    await store('running'); // a Background Fetch storing its audio right now
    await store('failed');
    await store('orphan');
    await db.parts.bulkPut([
      { episodeId: 'running', offset: 0, blob: new Blob(['x']) },
      { episodeId: 'failed', offset: 0, blob: new Blob(['x']) },
      { episodeId: 'gone', offset: 0, blob: new Blob(['x']) },
    ]);

    expect(await checkStorage()).toEqual({
      orphanFiles: 2,
      missing: ['Episode dangling'],
      orphanParts: 2,
    });
    expect(await stored()).toEqual([
      'https://host.example/kept.mp3',
      'https://host.example/running.mp3',
    ]);
    expect(await db.downloads.get('dangling')).toBeUndefined();
    expect((await db.downloads.get('kept'))?.state).toBe('downloaded');
    expect(await db.parts.toArray()).toEqual([expect.objectContaining({ episodeId: 'running' })]);
  });

  it('finds nothing to repair the second time', async () => {
    await db.downloads.put(record('dangling', 'downloaded'));
    await store('orphan');
    await checkStorage();
    expect(await checkStorage()).toEqual({ orphanFiles: 0, missing: [], orphanParts: 0 });
  });
});
