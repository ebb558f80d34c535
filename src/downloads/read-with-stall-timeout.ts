// A connection that stops sending bytes is worse than one that fails: notice it and give up on it.
import { FetchFailure } from '../shared/fetch-failure.ts';

/** Reads the next chunk, or cancels the stream and throws a retryable failure after `stallMs`. */
export async function readWithStallTimeout(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  stallMs: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Reject before cancelling: cancel() ends the pending read as if the body were complete.
      reject(FetchFailure.network(`No data arrived for ${Math.round(stallMs / 1000)} s.`));
      void reader.cancel().catch(() => undefined);
    }, stallMs);
  });
  try {
    return await Promise.race([reader.read(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}
