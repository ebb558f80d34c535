// Starts the app server on a port and gives back two ways to stop: close() really cuts the network
// (tests stop it in the middle of a download to see what the app does), shutdown() lets running
// responses finish up to a deadline (SIGTERM in a deployment).
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
  /**
   * Stops accepting, closes idle connections, lets responses in flight finish for up to `graceMs`,
   * then cuts whatever is left. Resolves to how many connections had to be cut.
   */
  shutdown(graceMs: number): Promise<number>;
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
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  const close = () =>
    new Promise<void>((resolve, reject) => {
      if (!server.listening) return resolve(closed);
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return {
    server,
    url: `http://${urlHost(options.host)}:${port}`,
    close,
    shutdown: async (graceMs) => {
      if (server.listening) server.close();
      // Keep-alive connections with no request in flight would hold the close forever, and one
      // whose response finishes during the grace goes idle then: close them as they get there.
      server.closeIdleConnections();
      const sweeper = setInterval(() => server.closeIdleConnections(), 100);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<'deadline'>((resolve) => {
        timer = setTimeout(() => resolve('deadline'), graceMs);
      });
      const outcome = await Promise.race([closed.then(() => 'drained' as const), deadline]);
      clearTimeout(timer);
      clearInterval(sweeper);
      if (outcome === 'drained') return 0;
      const cut = await new Promise<number>((resolve) =>
        server.getConnections((_error, count) => resolve(count)),
      );
      server.closeAllConnections();
      await closed;
      return cut;
    },
  };
}

function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
