// The wall-clock moment the media host served a file's last byte, polled every 5 ms in Node.
import type { MediaServer } from '../../tests/support/media-server.ts';

/** Resolves with Date.now() once `bytes` bytes of `slug` were served; `stop()` ends the watch. */
export function watchLastByte(
  media: MediaServer,
  slug: string,
  bytes: number,
): { at: Promise<number | undefined>; stop(): void } {
  let stopped = false;
  const at = (async () => {
    while (!stopped) {
      if (media.bytesServed(slug) >= bytes) return Date.now();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return undefined;
  })();
  return { at, stop: () => void (stopped = true) };
}
