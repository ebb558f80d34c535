// Counters for /metrics in Prometheus text format (prom-client): requests by route and status,
// bytes proxied, requests refused by a limit, upstream latency, open streams; and the process's
// own figures (memory, CPU, event-loop lag), collected once per process.
import type { ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Routes as labelled: a fixed set, so a scan of random paths cannot blow up the series count. */
export type RouteLabel = '/proxy' | '/directory' | '/demo' | '/healthz' | '/metrics' | 'static';

/** One server's counters, and the handler that shows them. */
export interface Metrics {
  requests: Counter<'route' | 'status'>;
  proxiedBytes: Counter;
  limited: Counter<'route' | 'limit'>;
  upstreamSeconds: Histogram<'route'>;
  openStreams: Gauge<'route'>;
  /** Answers GET /metrics. */
  serve(res: ServerResponse): Promise<void>;
}

let processRegistry: Registry | undefined;

/** A registry of its own per server (tests start many), beside the process-wide figures. */
export function createMetrics(): Metrics {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  const process = processRegistry;
  const registers = [new Registry()];
  const registry = registers[0]!;
  return {
    requests: new Counter({
      name: 'longwave_http_requests_total',
      help: 'Requests answered, by route and status.',
      labelNames: ['route', 'status'],
      registers,
    }),
    proxiedBytes: new Counter({
      name: 'longwave_proxy_bytes_total',
      help: 'Body bytes the proxy sent to clients.',
      registers,
    }),
    limited: new Counter({
      name: 'longwave_rate_limited_total',
      help: 'Requests refused with 429, by route and limit (rate or streams).',
      labelNames: ['route', 'limit'],
      registers,
    }),
    upstreamSeconds: new Histogram({
      name: 'longwave_upstream_latency_seconds',
      help: 'Time from the request to the upstream response headers, redirects included.',
      labelNames: ['route'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    openStreams: new Gauge({
      name: 'longwave_open_streams',
      help: 'Proxied media streams open now.',
      labelNames: ['route'],
      registers,
    }),
    async serve(res) {
      const text = `${await registry.metrics()}\n${await process.metrics()}`;
      res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
      res.end(text);
    },
  };
}
