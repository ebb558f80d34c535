// Starts the app server on a port and gives back a close() that really cuts the network:
// tests stop it in the middle of a download to see what the app does.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createServer, type CreateServerOptions } from './create-server.ts';

export interface ListenOptions extends CreateServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to Node's choice (every interface). */
  host?: string;
}

export interface RunningServer {
  server: Server;
  /** Origin to open, e.g. `http://127.0.0.1:4173`. */
  url: string;
  /** Stops accepting and destroys every connection, idle or mid-response. Safe to call twice. */
  close(): Promise<void>;
}

/** Creates the server and resolves once it is listening. */
export async function listen(options: ListenOptions): Promise<RunningServer> {
  const server = createServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${urlHost(options.host)}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
