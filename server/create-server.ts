// The app's HTTP server: the feed/media proxy, the demo podcast's routes, then the built app from
// dist/, behind text compression and the security headers every response carries.
import { createServer as createHttpServer, type Server } from 'node:http';
import { demoRoutes, type DemoRoutesOptions } from './demo/demo-routes.ts';
import { compressText } from './http/compress-text.ts';
import type { Middleware } from './http/middleware.ts';
import { proxyRoutes, type ProxyOptions } from './proxy/proxy-routes.ts';
import { staticFiles } from './static-files.ts';

export interface CreateServerOptions {
  /** The Vite build output: index.html, sw.js, assets/ (or where it is now, asked per request). */
  distDir: string | (() => string);
  demo?: DemoRoutesOptions;
  /** Let the proxy fetch loopback and private addresses; default LONGWAVE_ALLOW_PRIVATE_HOSTS=1. */
  allowPrivateHosts?: boolean;
  /** The proxy's size and time caps (see server/proxy/proxy-routes.ts). */
  proxy?: Omit<ProxyOptions, 'allowPrivateHosts' | 'isPublicAddress'>;
}

/** An HTTP server for Longwave, not yet listening. */
export function createServer(options: CreateServerOptions): Server {
  const chain: Middleware[] = [
    compressText(),
    proxyRoutes({
      ...options.proxy,
      allowPrivateHosts:
        options.allowPrivateHosts ?? process.env.LONGWAVE_ALLOW_PRIVATE_HOSTS === '1',
    }),
    demoRoutes(options.demo),
    staticFiles(options.distDir),
  ];
  return createHttpServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const run = (index: number): void => {
      const handler = chain[index];
      if (!handler) {
        res.writeHead(404, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        res.end('Not found\n');
        return;
      }
      handler(req, res, () => run(index + 1));
    };
    try {
      run(0);
    } catch (error) {
      console.error('Request failed:', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    }
  });
}
