// The production server (server/) on a free port, serving dist/ and the demo podcast.
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
  } = {},
): Promise<AppServer> {
  let current = options.distDir ?? defaultDistDir;
  const { url, close } = await listen({
    distDir: () => current,
    port: options.port ?? 0,
    host: '127.0.0.1',
    demo: { bytesPerSecond: options.bytesPerSecond },
    allowPrivateHosts: options.allowPrivateHosts,
  });
  return {
    url,
    serveBuild: (distDir) => {
      current = distDir;
    },
    close,
  };
}
