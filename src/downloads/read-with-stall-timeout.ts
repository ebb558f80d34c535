// A connection that stops sending bytes is worse than one that fails: notice it and give up on it.
import { FetchFailure } from './fetch-failure.ts';

/** Reads the next chunk, or cancels the stream and throws a retryable failure after `stallMs`. */
export async function readWithStallTimeout(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  stallMs: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void reader.cancel().catch(() => undefined);
      reject(FetchFailure.network(`No data arrived for ${Math.round(stallMs / 1000)} s.`));
    }, stallMs);
  });
  try {
    return await Promise.race([reader.read(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}
