// One JSON line per request, written when the response is done (or cut): what was asked, the
// answer, how long and how many bytes. Never a query string: a proxied URL is logged by its host
// alone, and no header (cookies, credentials) is ever logged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics, RouteLabel } from './metrics.ts';

/** What a route adds to its request's log line. */
export interface RequestNotes {
  /** The upstream host a proxied or directory request went to (host only). */
  upstream?: string;
  /** A machine-readable reason for a refusal or failure, e.g. "rate-limited". */
  error?: string;
}

const notes = new WeakMap<ServerResponse, RequestNotes>();

/** Adds fields to the log line of the request `res` answers. */
export function noteRequest(res: ServerResponse, fields: RequestNotes): void {
  notes.set(res, { ...notes.get(res), ...fields });
}

/** Logs and counts `req` once its response closes. */
export function observeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  context: { route: RouteLabel; client: string; metrics: Metrics; log?: (line: string) => void },
): void {
  const started = performance.now();
  const socket = req.socket;
  const writtenBefore = socket.bytesWritten;
  res.once('close', () => {
    // A response cut before its headers went out has no status of its own: 499 as nginx logs it.
    const status = res.headersSent ? res.statusCode : 499;
    context.metrics.requests.inc({ route: context.route, status: String(status) });
    if (!context.log) return;
    const line = {
      time: new Date().toISOString(),
      method: req.method,
      route: context.route,
      path: pathOf(req.url),
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      bytes: socket.bytesWritten - writtenBefore,
      client: context.client,
      complete: res.writableFinished,
      ...notes.get(res),
    };
    context.log(JSON.stringify(line));
  });
}

function pathOf(url: string | undefined): string {
  const path = (url ?? '/').split('?', 1)[0] ?? '/';
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}
