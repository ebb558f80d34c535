// An episode's stored audio: parts appended only by the attempt that runs, read back in any byte
// range across parts, and stored as bytes where IndexedDB refuses Blobs (WebKit in ephemeral
// sessions, as Safari's private browsing is).
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { discardParts, putPart, readMedia, storedBytes } from '../../../../src/db/media-parts.ts';
import { aDownload } from './a-download.ts';

const EPISODE = 'e1';
const G = 5;

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.downloads.put(aDownload({ episodeId: EPISODE, generation: G }));
});

async function read(start: number, end: number): Promise<string> {
  return new Response(await readMedia(EPISODE, start, end)).text();
}

/** Makes `db.parts.put` fail on Blobs the way WebKit's IndexedDB does. */
function refuseBlobs() {
  const put = db.parts.put.bind(db.parts);
  return vi
    .spyOn(db.parts, 'put')
    .mockImplementation((part, key) =>
      part.blob instanceof Blob
        ? Dexie.Promise.reject(
            new DOMException(
              'Error preparing Blob/File data to be stored in object store',
              'UnknownError',
            ),
          )
        : put(part, key),
    );
}

describe('stored audio', () => {
  it('is appended part by part and read back in any range, across parts', async () => {
    await putPart(EPISODE, G, { offset: 0, blob: new Blob(['hello, ']) });
    await putPart(EPISODE, G, { offset: 7, blob: new Blob(['world']) });
    expect(await storedBytes(EPISODE)).toBe(12);
    expect(await read(0, 11)).toBe('hello, world');
    expect(await read(5, 8)).toBe(', wo');
    expect(await read(11, 11)).toBe('d');
  });

  it('takes no part from an attempt that no longer runs: cancelled, paused or replaced', async () => {
    for (const changes of [
      { state: 'cancelled' as const },
      { state: 'paused' as const },
      { generation: G + 1 },
    ]) {
      await db.downloads.update(EPISODE, { state: 'downloading', generation: G, ...changes });
      await expect(
        putPart(EPISODE, G, { offset: 0, blob: new Blob(['late']) }),
      ).rejects.toMatchObject({ name: 'AttemptEnded' });
      await expect(discardParts(EPISODE, G)).rejects.toMatchObject({ name: 'AttemptEnded' });
    }
    await db.downloads.delete(EPISODE);
    await expect(
      putPart(EPISODE, G, { offset: 0, blob: new Blob(['late']) }),
    ).rejects.toMatchObject({ name: 'AttemptEnded' });
    expect(await db.parts.count()).toBe(0);
  });

  it('has no bytes stored when its first part is missing', async () => {
    await db.parts.put({ episodeId: EPISODE, offset: 7, size: 5, blob: new Blob(['world']) });
    expect(await storedBytes(EPISODE)).toBe(0);
  });

  it('is discarded whole by its own attempt when the file changed on the server', async () => {
    await putPart(EPISODE, G, { offset: 0, blob: new Blob(['old']) });
    await discardParts(EPISODE, G);
    expect(await storedBytes(EPISODE)).toBe(0);
  });
});

describe('in a browser that refuses Blobs in IndexedDB', () => {
  it('stores the bytes instead and reads them back as the same file', async () => {
    const put = refuseBlobs();
    await putPart(EPISODE, G, { offset: 0, blob: new Blob(['hello, ']) });
    await putPart(EPISODE, G, { offset: 7, blob: new Blob(['world']) });
    expect(await read(0, 11)).toBe('hello, world');
    expect(await read(4, 9)).toBe('o, wor');
    expect(await storedBytes(EPISODE)).toBe(12);
    // Refused once, then it goes straight to bytes: no failed write per part.
    expect(put.mock.calls.filter(([part]) => part.blob instanceof Blob)).toHaveLength(1);
    const rows = await db.parts.toArray();
    expect(rows.map((part) => [part.blob, part.bytes?.byteLength, part.size])).toEqual([
      [undefined, 7, 7],
      [undefined, 5, 5],
    ]);
  });
});
