// The production server (server/) on a free port, serving dist/ and the demo podcast.
import { listen } from '../../server/listen.ts';
import { distDir } from './paths.ts';

export interface AppServer {
  url: string;
  /** Stops the server and cuts every open connection: the network is really gone. */
  close(): Promise<void>;
}

/** Starts the app's own server for one test. */
export async function startAppServer(
  options: { bytesPerSecond?: number; port?: number; allowPrivateHosts?: boolean } = {},
): Promise<AppServer> {
  const { url, close } = await listen({
    distDir,
    port: options.port ?? 0,
    host: '127.0.0.1',
    demo: { bytesPerSecond: options.bytesPerSecond },
    allowPrivateHosts: options.allowPrivateHosts,
  });
  return { url, close };
}
