// Stored parts of in-page downloads: appended as bytes arrive, read back to resume and assemble.
import { db } from './database.ts';

/**
 * Appends a part and records the new byte count on the download, in one transaction. Refuses
 * (AbortError) when the download was cancelled or deleted meanwhile, so no orphan part is left.
 */
export async function appendPart(episodeId: string, offset: number, blob: Blob): Promise<void> {
  await db.transaction('rw', db.parts, db.downloads, async () => {
    const download = await db.downloads.get(episodeId);
    if (download?.state !== 'downloading') {
      throw new DOMException('The download is no longer running.', 'AbortError');
    }
    await db.parts.put({ episodeId, offset, blob });
    await db.downloads.update(episodeId, { bytesDone: offset + blob.size, updatedAt: Date.now() });
  });
}

/** The episode's parts in byte order. */
export function listParts(episodeId: string) {
  return db.parts.where('episodeId').equals(episodeId).sortBy('offset');
}

/** Bytes stored without gaps from byte 0; a gap (never expected) ends the count there. */
export async function storedBytes(episodeId: string): Promise<number> {
  let next = 0;
  for (const part of await listParts(episodeId)) {
    if (part.offset !== next) break;
    next += part.blob.size;
  }
  return next;
}

/** Deletes every part of an episode's download. */
export async function deleteParts(episodeId: string): Promise<void> {
  await db.parts.where('episodeId').equals(episodeId).delete();
}

/** Episode ids that have parts stored (for the consistency check). */
export async function episodesWithParts(): Promise<string[]> {
  return (await db.parts.orderBy('episodeId').uniqueKeys()) as string[];
}
