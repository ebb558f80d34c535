// The moment a download becomes playable: the `stored` event comes only after the last bytes are
// written, so the record never says "downloaded" before the audio is all there; and every write
// checks that its attempt still runs, so no audio lands for one cancelled, replaced or deleted.
import { AttemptEnded } from './attempt-ended.ts';
import { db } from './database.ts';
import { dispatchDownload } from './downloads.ts';
import { deleteParts, putPart, storedBytes } from './media-parts.ts';

/** Marks the download downloaded once all its parts are written; AttemptEnded if it no longer runs. */
export async function markStored(
  episodeId: string,
  generation: number,
  contentType?: string,
): Promise<void> {
  await db.transaction('rw', db.downloads, db.parts, async () => {
    await stored(episodeId, generation, await storedBytes(episodeId), contentType);
  });
}

/**
 * Stores a whole file fetched in one go (a finished Background Fetch) as the episode's audio,
 * replacing anything stored before, and marks the download downloaded.
 */
export async function storeWholeFile(
  episodeId: string,
  generation: number,
  blob: Blob,
  contentType?: string,
): Promise<void> {
  await deleteParts(episodeId);
  await putPart(episodeId, generation, { offset: 0, blob });
  await stored(episodeId, generation, blob.size, contentType);
}

async function stored(episodeId: string, generation: number, bytes: number, type?: string) {
  const { changed } = await dispatchDownload(episodeId, {
    type: 'stored',
    generation,
    bytes,
    contentType: type,
  });
  if (!changed) throw new AttemptEnded();
}
