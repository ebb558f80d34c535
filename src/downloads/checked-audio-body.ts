// The in-page downloader's look at what arrives before any of it is stored: the first bytes and the
// type must be the episode's (audio-signature.ts), else nothing is written. The body handed on
// replays those first bytes, so nothing read for the check is lost.
import { judgeAudioStart, SIGNATURE_BYTES } from '../shared/audio-signature.ts';
import { FetchFailure } from '../shared/fetch-failure.ts';
import { readWithStallTimeout } from './read-with-stall-timeout.ts';

/**
 * Reads the start of `body` and throws a FetchFailure (a web page, or not audio) unless it is
 * audio; returns a stream of the whole body, first bytes included.
 */
export async function checkedAudioBody(
  body: ReadableStream<Uint8Array>,
  contentType: string | null,
  stallMs: number,
): Promise<ReadableStream<Uint8Array>> {
  const reader = body.getReader();
  const head: Uint8Array[] = [];
  let length = 0;
  const readHead = async (): Promise<boolean> => {
    while (length < SIGNATURE_BYTES) {
      const read = await readWithStallTimeout(reader, stallMs);
      if (read.done) return true;
      head.push(read.value);
      length += read.value.byteLength;
    }
    return false;
  };
  const done = await readHead();
  const first = new Uint8Array(length);
  head.reduce((at, chunk) => (first.set(chunk, at), at + chunk.byteLength), 0);
  const verdict = judgeAudioStart(contentType, first);
  if (verdict !== 'audio') {
    await reader.cancel().catch(() => undefined);
    throw verdict === 'web-page' ? FetchFailure.webPage() : FetchFailure.notAudio(contentType);
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (length > 0) controller.enqueue(first);
      if (done) controller.close();
    },
    async pull(controller) {
      try {
        const read = await reader.read();
        if (read.done) controller.close();
        else controller.enqueue(read.value);
      } catch (error) {
        controller.error(error);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
