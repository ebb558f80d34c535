// Writes a lazily produced body to a response: with backpressure, optionally paced to a byte rate,
// and stopping as soon as the client goes away, so memory and CPU stay flat for any size.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

export interface StreamChunksOptions {
  /** Send at about this rate instead of as fast as the client reads. */
  bytesPerSecond?: number;
}

/** Streams `chunks` into `res` and ends it. Never rejects: a failure destroys the response. */
export async function streamChunks(
  res: ServerResponse,
  chunks: Iterable<Buffer>,
  options: StreamChunksOptions = {},
): Promise<void> {
  const rate = options.bytesPerSecond;
  const gone = new AbortController();
  const onClose = () => gone.abort();
  res.once('close', onClose);
  const started = performance.now();
  let sent = 0;
  try {
    // The iterator produces the next chunk only when asked, so nothing is built ahead of the socket.
    for (const chunk of chunks) {
      if (gone.signal.aborted || res.destroyed) return;
      sent += chunk.length;
      if (!res.write(chunk)) await once(res, 'drain', { signal: gone.signal });
      if (rate) {
        // Sleep until the elapsed time matches the bytes sent: timers, never a busy loop.
        const wait = started + (sent / rate) * 1000 - performance.now();
        if (wait > 1) await delay(wait, undefined, { signal: gone.signal });
      }
    }
    res.end();
  } catch (error) {
    if (!gone.signal.aborted) {
      console.error('Streaming a response failed:', error);
      res.destroy();
    }
  } finally {
    res.off('close', onClose);
  }
}
