// Stored parts of in-page downloads: appended as bytes arrive, read back to resume and assemble.
import { db } from './database.ts';
import type { DownloadPart, StoredPart } from './schema.ts';

/**
 * Set once IndexedDB refused a Blob. WebKit does in ephemeral sessions (Safari's private
 * browsing, WebKitGTK under automation): "UnknownError: Error preparing Blob/File data to be
 * stored in object store". Its bytes store fine, so parts go in as ArrayBuffers from then on.
 */
let blobsRefused = false;

/**
 * Appends a part and records the new byte count on the download, in one transaction. Refuses
 * (AbortError) when the download was cancelled or deleted meanwhile, so no orphan part is left.
 */
export async function appendPart(episodeId: string, offset: number, blob: Blob): Promise<void> {
  if (!blobsRefused) {
    try {
      return await writePart({ episodeId, offset, blob }, blob.size);
    } catch (error) {
      if (!refusesBlobs(error)) throw error;
      blobsRefused = true;
    }
  }
  await writePart({ episodeId, offset, bytes: await blob.arrayBuffer() }, blob.size);
}

async function writePart(part: StoredPart, size: number): Promise<void> {
  await db.transaction('rw', db.parts, db.downloads, async () => {
    const download = await db.downloads.get(part.episodeId);
    if (download?.state !== 'downloading') {
      throw new DOMException('The download is no longer running.', 'AbortError');
    }
    await db.parts.put(part);
    await db.downloads.update(part.episodeId, {
      bytesDone: part.offset + size,
      updatedAt: Date.now(),
    });
  });
}

function refusesBlobs(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'UnknownError' || name === 'DataCloneError';
}

/** The episode's parts in byte order, each as a Blob however it was stored. */
export async function listParts(episodeId: string): Promise<DownloadPart[]> {
  const stored = await db.parts.where('episodeId').equals(episodeId).sortBy('offset');
  return stored.map(({ episodeId, offset, blob, bytes }) => ({
    episodeId,
    offset,
    blob: blob ?? new Blob([bytes ?? new ArrayBuffer(0)]),
  }));
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
