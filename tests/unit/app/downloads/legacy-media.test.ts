// Downloads made before Downloads v2 lived in a cache keyed by enclosure URL. On upgrade they move
// to each episode's own storage without downloading again: two episodes that shared an enclosure
// URL each keep their audio, and the old cache is gone.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { LEGACY_MEDIA_CACHE, migrateLegacyMedia } from '../../../../src/db/legacy-media.ts';
import { readMedia, storedBytes } from '../../../../src/db/media-parts.ts';
import { memoryCaches } from '../storage/memory-caches.ts';
import { aDownload } from './a-download.ts';

const SHARED = 'https://cdn.example/shared.mp3';

async function text(episodeId: string): Promise<string> {
  return new Response(await readMedia(episodeId, 0, (await storedBytes(episodeId)) - 1)).text();
}

beforeEach(async () => {
  vi.stubGlobal('caches', memoryCaches());
  await db.delete();
  await db.open();
});

describe('migrateLegacyMedia', () => {
  it('gives every downloaded episode its own copy, then deletes the old cache', async () => {
    await db.downloads.bulkPut([
      aDownload({ episodeId: 'a', state: 'downloaded', sourceUrl: SHARED, bytesDone: 5 }),
      aDownload({ episodeId: 'b', state: 'downloaded', sourceUrl: SHARED, bytesDone: 5 }),
      aDownload({ episodeId: 'c', state: 'downloaded', sourceUrl: 'https://cdn.example/gone.mp3' }),
      aDownload({ episodeId: 'd', state: 'failed', sourceUrl: 'https://cdn.example/d.mp3' }),
    ]);
    const legacy = await caches.open(LEGACY_MEDIA_CACHE);
    await legacy.put(SHARED, new Response('audio'));
    await legacy.put('https://cdn.example/d.mp3', new Response('stray'));

    expect(await migrateLegacyMedia()).toBe(2);
    expect(await text('a')).toBe('audio');
    expect(await text('b')).toBe('audio');
    // Deleting one episode's audio leaves the other's.
    await db.parts.where('episodeId').equals('a').delete();
    expect(await text('b')).toBe('audio');
    // No entry to move: left for the consistency check to report; not downloaded: not moved.
    expect(await storedBytes('c')).toBe(0);
    expect(await storedBytes('d')).toBe(0);
    expect(await caches.has(LEGACY_MEDIA_CACHE)).toBe(false);
  });

  it('takes the stored file’s size over the old record’s (a Background Fetch counted its artwork)', async () => {
    await db.downloads.put(
      aDownload({ episodeId: 'a', state: 'downloaded', sourceUrl: SHARED, bytesDone: 5 + 4096 }),
    );
    await (await caches.open(LEGACY_MEDIA_CACHE)).put(SHARED, new Response('audio'));
    await migrateLegacyMedia();
    expect(await db.downloads.get('a')).toMatchObject({ bytesDone: 5, bytesTotal: 5 });
  });

  it('does nothing once the old cache is gone', async () => {
    expect(await migrateLegacyMedia()).toBe(0);
  });
});
