// The production server (server/) on a free port, serving dist/ and the demo podcast (and, when
// given a directory double, the podcast directory).
import type { CreateServerOptions } from '../../server/create-server.ts';
import { listen } from '../../server/listen.ts';
import { distDir as defaultDistDir } from './paths.ts';

export interface AppServer {
  url: string;
  /** Serves another build from now on, at the same origin: a deployment, as a browser sees it. */
  serveBuild(distDir: string): void;
  /** Stops the server and cuts every open connection: the network is really gone. */
  close(): Promise<void>;
}

/** Starts the app's own server for one test. */
export async function startAppServer(
  options: {
    bytesPerSecond?: number;
    port?: number;
    allowPrivateHosts?: boolean;
    /** The build to serve first; dist/ unless given. */
    distDir?: string;
    /** Where /directory asks (the directory double's directoryOptions()). */
    directory?: CreateServerOptions['directory'];
  } = {},
): Promise<AppServer> {
  let current = options.distDir ?? defaultDistDir;
  const { url, close } = await listen({
    distDir: () => current,
    port: options.port ?? 0,
    host: '127.0.0.1',
    demo: { bytesPerSecond: options.bytesPerSecond },
    allowPrivateHosts: options.allowPrivateHosts,
    directory: options.directory,
  });
  return {
    url,
    serveBuild: (distDir) => {
      current = distDir;
    },
    close,
  };
}
