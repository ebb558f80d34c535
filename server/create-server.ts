// The app's HTTP server: /healthz and /metrics, the podcast directory, the feed/media proxy, the
// demo podcast's routes, then the built app from dist/, with the security headers every response
// carries, one log line and one count per request. It keeps no state that ties a client to this
// instance beyond the per-client limits and the directory's answer cache, which any instance can
// start afresh.
import { createServer as createHttpServer, type Server } from 'node:http';
import { readServerConfig } from './config.ts';
import { demoRoutes, type DemoRoutesOptions } from './demo/demo-routes.ts';
import { directoryRoutes, type DirectoryOptions } from './directory/directory-routes.ts';
import { clientId } from './http/client-id.ts';
import { createMetrics, type RouteLabel } from './http/metrics.ts';
import type { Middleware } from './http/middleware.ts';
import { observeRequest } from './http/request-log.ts';
import { proxyRoutes, type ProxyOptions } from './proxy/proxy-routes.ts';
import { staticFiles } from './static-files.ts';

export interface CreateServerOptions {
  /** The Vite build output: index.html, sw.js, assets/ (or where it is now, asked per request). */
  distDir: string | (() => string);
  demo?: DemoRoutesOptions;
  /** Let the proxy fetch loopback and private addresses; default LONGWAVE_ALLOW_PRIVATE_HOSTS=1. */
  allowPrivateHosts?: boolean;
  /** The proxy's rules and limits; unset ones come from the environment (config.ts). */
  proxy?: Omit<ProxyOptions, 'allowPrivateHosts' | 'metrics'>;
  /** The directory's upstreams and limits; unset ones come from the environment (config.ts). */
  directory?: Omit<DirectoryOptions, 'allowPrivateHosts' | 'metrics'>;
  /** Receives one JSON line per request (main.ts writes them to stdout); none when absent. */
  log?: (line: string) => void;
}

/** An HTTP server for Longwave, not yet listening. */
export function createServer(options: CreateServerOptions): Server {
  const metrics = createMetrics();
  const trustedHeader = options.proxy?.trustedProxyHeader ?? readServerConfig().trustedProxyHeader;
  const chain: Middleware[] = [
    directoryRoutes({
      publicOrigin: options.proxy?.publicOrigin,
      trustedProxyHeader: options.proxy?.trustedProxyHeader,
      ...options.directory,
      allowPrivateHosts: options.allowPrivateHosts,
      metrics,
    }),
    proxyRoutes({
      ...options.proxy,
      allowPrivateHosts: options.allowPrivateHosts,
      metrics,
    }),
    demoRoutes(options.demo),
    staticFiles(options.distDir),
  ];
  const server = createHttpServer((req, res) => {
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const route = routeOf(pathname);
    observeRequest(req, res, {
      route,
      client: clientId(req, trustedHeader),
      metrics,
      log: options.log,
    });
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // Shutting down: finish this response, then let the client reconnect to another instance.
    const draining = !server.listening;
    if (draining) res.setHeader('Connection', 'close');
    if (route === '/healthz') {
      res.writeHead(draining ? 503 : 200, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(draining ? 'shutting down\n' : 'ok\n');
      return;
    }
    if (route === '/metrics') {
      metrics.serve(res).catch((error: unknown) => {
        console.error('Metrics failed:', error);
        res.destroy();
      });
      return;
    }
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
  return server;
}

function routeOf(pathname: string): RouteLabel {
  if (pathname === '/proxy') return '/proxy';
  if (pathname === '/healthz') return '/healthz';
  if (pathname === '/metrics') return '/metrics';
  if (pathname.startsWith('/directory/')) return '/directory';
  if (pathname.startsWith('/demo/')) return '/demo';
  return 'static';
}
