// Stored parts where IndexedDB refuses Blobs, as WebKit does in ephemeral sessions (Safari's
// private browsing): the bytes are stored instead, and read back as the same file.
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { appendPart, listParts, storedBytes } from '../../../../src/db/parts.ts';

const EPISODE = 'episode-1';

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.downloads.put({
    episodeId: EPISODE,
    state: 'downloading',
    strategy: 'in-page',
    url: 'https://example.org/a.wav',
    fetchUrl: 'https://example.org/a.wav',
    title: 'A',
    bytesDone: 0,
    attempts: 1,
    createdAt: 1,
    updatedAt: 1,
  });
});

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

describe('parts in a browser that refuses Blobs in IndexedDB', () => {
  it('stores the bytes instead and reads them back in order as one file', async () => {
    const put = refuseBlobs();
    await appendPart(EPISODE, 0, new Blob(['hello, ']));
    await appendPart(EPISODE, 7, new Blob(['world']));
    const parts = await listParts(EPISODE);
    expect(parts.map((part) => part.offset)).toEqual([0, 7]);
    expect(await new Blob(parts.map((part) => part.blob)).text()).toBe('hello, world');
    expect(await storedBytes(EPISODE)).toBe(12);
    expect((await db.downloads.get(EPISODE))?.bytesDone).toBe(12);
    // Refused once, then it goes straight to bytes: no failed write per part.
    const blobTries = put.mock.calls.filter(([part]) => part.blob instanceof Blob);
    expect(blobTries).toHaveLength(1);
    const rows = await db.parts.toArray();
    expect(rows.map((part) => [part.blob, part.bytes?.byteLength])).toEqual([
      [undefined, 7],
      [undefined, 5],
    ]);
  });

  it('still refuses a part for a download that stopped running, leaving nothing behind', async () => {
    refuseBlobs();
    await db.downloads.update(EPISODE, { state: 'cancelled' });
    await expect(appendPart(EPISODE, 0, new Blob(['late']))).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(await db.parts.count()).toBe(0);
  });
});
