// Streams a response body into stored parts. Reading waits for at most one write in flight, so
// the browser's buffer keeps draining; memory stays near two parts whatever the file's size.
import { appendPart } from '../db/parts.ts';
import { FetchFailure } from './fetch-failure.ts';
import { readWithStallTimeout } from './read-with-stall-timeout.ts';

/** Bytes kept in memory before they are written as one part. */
export const PART_BYTES = 1 << 20;

export interface StreamOptions {
  signal: AbortSignal;
  stallMs: number;
  /** Bytes received so far, stored or not. */
  onProgress?: (bytes: number) => void;
}

/** Appends the body to the episode's parts from byte `start`; returns the new stored length. */
export async function streamToParts(
  episodeId: string,
  body: ReadableStream<Uint8Array>,
  start: number,
  options: StreamOptions,
): Promise<number> {
  const reader = body.getReader();
  let nextOffset = start;
  let chunks: Uint8Array[] = [];
  let buffered = 0;
  let writing = Promise.resolve();
  const flush = () => {
    if (buffered > 0 && !options.signal.aborted) {
      const blob = new Blob(chunks as BlobPart[]);
      const at = nextOffset;
      nextOffset += blob.size;
      chunks = [];
      buffered = 0;
      writing = writing.then(() => appendPart(episodeId, at, blob));
      // Failures surface at the next await of `writing`; this only marks them as handled.
      writing.catch(() => undefined);
    }
    return writing;
  };
  try {
    for (;;) {
      const { done, value } = await readWithStallTimeout(reader, options.stallMs);
      if (done) break;
      chunks.push(value);
      buffered += value.byteLength;
      options.onProgress?.(nextOffset + buffered);
      if (buffered >= PART_BYTES) {
        await writing;
        void flush();
      }
    }
  } catch (error) {
    if (options.signal.aborted || error instanceof FetchFailure || isAbort(error)) throw error;
    throw FetchFailure.network('The connection dropped.');
  } finally {
    // Keep what did arrive, so a retry after a dropped connection wastes nothing.
    await flush();
  }
  return nextOffset;
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'QuotaExceededError';
}
