// An episode's downloaded audio: parts in IndexedDB, appended as bytes arrive and served from
// here by the service worker at /media/<episodeId>. Written once, never assembled or copied.
import { AttemptEnded } from './attempt-ended.ts';
import { db } from './database.ts';
import type { MediaPart } from './schema.ts';

/**
 * Set once IndexedDB refused a Blob. WebKit does in ephemeral sessions (Safari's private
 * browsing, WebKitGTK under automation): "UnknownError: Error preparing Blob/File data to be
 * stored in object store". Its bytes store fine, so parts go in as ArrayBuffers from then on.
 */
let blobsRefused = false;

/** Bytes to append at `offset` to an episode's audio. */
export interface PartData {
  offset: number;
  blob: Blob;
}

/**
 * Writes a part of attempt `generation`. Refuses (AttemptEnded) when that attempt no longer runs
 * (cancelled, paused, replaced or deleted), so a late write never leaves a stray part.
 */
export function putPart(episodeId: string, generation: number, part: PartData): Promise<void> {
  return withBlobFallback(episodeId, part, (stored) =>
    whileRunning(episodeId, generation, () => db.parts.put(stored)),
  );
}

/** Deletes the parts of attempt `generation` (the file changed: it starts again from byte 0). */
export function discardParts(episodeId: string, generation: number): Promise<void> {
  return whileRunning(episodeId, generation, () => deleteParts(episodeId));
}

async function whileRunning(episodeId: string, generation: number, write: () => Promise<unknown>) {
  await db.transaction('rw', db.parts, db.downloads, async () => {
    const download = await db.downloads.get(episodeId);
    if (download?.state !== 'downloading' || download.generation !== generation) {
      throw new AttemptEnded();
    }
    await write();
  });
}

/** Writes a whole file as an episode's only part, unchecked (moving old downloads over). */
export function putWholeFile(episodeId: string, blob: Blob): Promise<void> {
  return withBlobFallback(episodeId, { offset: 0, blob }, async (stored) => {
    await db.parts.put(stored);
  });
}

async function withBlobFallback(
  episodeId: string,
  { offset, blob }: PartData,
  write: (part: MediaPart) => Promise<void>,
): Promise<void> {
  if (!blobsRefused) {
    try {
      return await write({ episodeId, offset, size: blob.size, blob });
    } catch (error) {
      if (!refusesBlobs(error)) throw error;
      blobsRefused = true;
    }
  }
  const bytes = await blob.arrayBuffer();
  await write({ episodeId, offset, size: bytes.byteLength, bytes });
}

function refusesBlobs(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'UnknownError' || name === 'DataCloneError';
}

/** Offsets of the episode's parts, in byte order, read without loading any audio. */
function partOffsets(episodeId: string): Promise<number[]> {
  return db.parts
    .where('[episodeId+offset]')
    .between([episodeId, 0], [episodeId, Infinity], true, true)
    .primaryKeys()
    .then((keys) => keys.map(([, offset]) => offset));
}

/** Bytes stored from byte 0 (parts are only ever appended at the end, so they have no gaps). */
export async function storedBytes(episodeId: string): Promise<number> {
  const offsets = await partOffsets(episodeId);
  const last = offsets.at(-1);
  if (last === undefined || offsets[0] !== 0) return 0;
  return last + ((await db.parts.get([episodeId, last]))?.size ?? 0);
}

/** Deletes every part of an episode's audio. */
export async function deleteParts(episodeId: string): Promise<void> {
  await db.parts.where('episodeId').equals(episodeId).delete();
}

/** Episode ids that have audio stored (for the consistency check). */
export async function episodesWithParts(): Promise<string[]> {
  return (await db.parts.orderBy('episodeId').uniqueKeys()) as string[];
}

/** Largest piece read from storage at once while serving. */
const READ_BYTES = 1 << 20;

/**
 * Bytes `start` to `end` (inclusive) of an episode's audio, read one part at a time as the
 * stream is pulled, so serving a 1 GB file takes about one part of memory.
 */
export async function readMedia(
  episodeId: string,
  start: number,
  end: number,
): Promise<ReadableStream<Uint8Array>> {
  const offsets = await partOffsets(episodeId);
  let index = offsets.findLastIndex((offset) => offset <= start);
  let position = start;
  let part: MediaPart | undefined;
  const nextPart = async () => {
    const offset = offsets[index++];
    part = offset === undefined ? undefined : await db.parts.get([episodeId, offset]);
    return part;
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (position > end) return controller.close();
      const current = part && position < part.offset + part.size ? part : await nextPart();
      if (!current || current.offset > position) {
        return controller.error(new Error('The stored audio has a gap.'));
      }
      const from = position - current.offset;
      const to = Math.min(current.size, end + 1 - current.offset, from + READ_BYTES);
      const piece = current.bytes
        ? new Uint8Array(current.bytes.slice(from, to))
        : new Uint8Array(await current.blob!.slice(from, to).arrayBuffer());
      position += piece.byteLength;
      controller.enqueue(piece);
    },
  });
}
