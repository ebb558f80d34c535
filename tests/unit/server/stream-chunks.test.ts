// The streaming loop under a slow or vanishing client: it produces only what the socket takes.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import { streamChunks } from '../../../server/http/stream-chunks.ts';

const CHUNK = Buffer.alloc(64 * 1024, 1);
let server: Server | undefined;

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

/** A server streaming an endless body; `pulled()` says how many chunks it has produced so far. */
async function endlessServer(): Promise<{
  url: string;
  pulled: () => number;
  done: Promise<void>;
}> {
  let pulled = 0;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  function* endless(): Generator<Buffer> {
    for (;;) {
      pulled += 1;
      yield CHUNK;
    }
  }
  server = createServer((_req, res) => {
    res.writeHead(200);
    void streamChunks(res, endless()).then(finish);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, pulled: () => pulled, done };
}

it('waits for a client that does not read, then stops when it disconnects', async () => {
  const { url, pulled, done } = await endlessServer();
  const response = await new Promise<IncomingMessage>((resolve) => request(url, resolve).end());
  response.pause();
  await delay(300);
  const whileStalled = pulled();
  // Socket buffers hold a few MiB at most; without backpressure this would be thousands of chunks.
  expect(whileStalled).toBeLessThan(400);
  await delay(200);
  expect(pulled()).toBe(whileStalled);

  response.destroy();
  await done;
  const afterClose = pulled();
  await delay(100);
  expect(pulled()).toBe(afterClose);
});
