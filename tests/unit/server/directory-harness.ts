// The directory under test: a server running only directoryRoutes() on 127.0.0.1, against the
// directory double (tests/support), both started per test, with a clock the test moves.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import {
  directoryRoutes,
  type DirectoryOptions,
} from '../../../server/directory/directory-routes.ts';
import type { DirectoryAnswer } from '../../../server/directory/directory-podcast.ts';
import { startDirectoryDouble, type DirectoryDouble } from '../../support/directory-double.ts';
import { rawRequest, type RawResponse } from './raw-request.ts';

const running: { server?: Server; double?: DirectoryDouble }[] = [];

afterEach(async () => {
  for (const { server, double } of running.splice(0)) {
    server?.closeAllConnections();
    server?.close();
    await double?.close();
  }
});

export interface DirectoryUnderTest {
  double: DirectoryDouble;
  /** Moves the directory's clock on (caches, rate limits). */
  advance(ms: number): void;
  get(
    path: string,
    headers?: Record<string, string>,
  ): Promise<RawResponse & { json: DirectoryAnswer }>;
  /** Requests that reached the double since the last call. */
  upstream(): string[];
}

/** Starts the double and a directory pointed at it; `withIndex` gives it Podcast Index keys. */
export async function startDirectory(
  options: DirectoryOptions & { withIndex?: boolean } = {},
): Promise<DirectoryUnderTest> {
  const double = await startDirectoryDouble();
  let clock = Date.now();
  const middleware = directoryRoutes({
    itunesUrl: double.itunesUrl,
    appleChartsUrl: double.chartsUrl,
    podcastIndexUrl: double.podcastIndexUrl,
    podcastIndex: options.withIndex === false ? undefined : double.credentials,
    allowPrivateHosts: true,
    now: () => clock,
    ...options,
  });
  const server = createServer((req, res) => middleware(req, res, () => res.writeHead(418).end()));
  running.push({ server, double });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let seen = 0;
  return {
    double,
    advance: (ms) => {
      clock += ms;
    },
    get: async (path, headers) => {
      const response = await rawRequest(`${base}${path}`, { headers });
      const text = response.body.toString();
      return { ...response, json: (text ? JSON.parse(text) : undefined) as DirectoryAnswer };
    },
    upstream: () => {
      const paths = double.requests.slice(seen).map(({ url }) => `${url.pathname}${url.search}`);
      seen = double.requests.length;
      return paths;
    },
  };
}
