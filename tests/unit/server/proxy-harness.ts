// The proxy under test: a server running only proxyRoutes() on 127.0.0.1, and the origin it
// fetches from (proxy-origin.ts), started once per test file.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { proxyRoutes, type ProxyOptions } from '../../../server/proxy/proxy-routes.ts';
import { startProxyOrigin, type ProxyOrigin } from './proxy-origin.ts';

/** The size cap the tests give documents, and size the origin's big bodies by. */
export const CAP = 64 * 1024;

/** Proxies started by the current test, closed after it. */
const running: Server[] = [];

/** Starts the origin for the calling test file (read `.current` in tests); closes proxies after each. */
export function useProxyOrigin(): { current: ProxyOrigin } {
  const holder = {} as { current: ProxyOrigin };
  beforeAll(async () => {
    holder.current = await startProxyOrigin(CAP);
  });
  afterAll(() => holder.current.close());
  afterEach(() => {
    for (const server of running.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });
  return holder;
}

/**
 * A server running only the proxy; returns a function making proxy URLs for a target. The origin
 * listens on a random port, so any port is allowed unless a test says otherwise.
 */
export async function startProxy(options: ProxyOptions): Promise<(target: string) => string> {
  const middleware = proxyRoutes({ maxDocumentBytes: CAP, allowedPorts: 'any', ...options });
  const server = createServer((req, res) => middleware(req, res, () => res.writeHead(418).end()));
  running.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return (target) => `${base}/proxy?url=${encodeURIComponent(target)}`;
}

/** Only the origin's own address counts as public: elsewhere on this machine is "private". */
export const onlyOriginIsPublic = (address: string) => address === '127.0.0.1';
