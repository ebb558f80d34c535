// The demo middleware alone on a free port, for tests of its HTTP behaviour.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoRoutes, type DemoRoutesOptions } from '../../../server/demo/demo-routes.ts';

export interface DemoServer {
  origin: string;
  close(): void;
}

/** Serves demoRoutes(); requests it passes on get a 418, so a test can tell. */
export async function serveDemo(options?: DemoRoutesOptions): Promise<DemoServer> {
  const middleware = demoRoutes(options);
  const server: Server = createServer((req, res) =>
    middleware(req, res, () => res.writeHead(418).end('next')),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
