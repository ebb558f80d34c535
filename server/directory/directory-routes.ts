// GET|HEAD /directory/search?term=…&country=us and /directory/top?genre=1303&country=us: podcast
// search and charts for the app's own pages, from Apple's directory and (with a key) Podcast Index,
// in one normalised shape (directory-podcast.ts). Like /proxy it answers the app only
// (http/app-origin.ts) and limits each client (a token bucket, 429 with Retry-After). Answers are
// cached here and sent with a public lifetime, ETag and 304 (http/send-cacheable.ts), so a CDN in
// front can serve them too; failures are JSON with a message and never cached.
import type { ServerResponse } from 'node:http';
import { appOriginRefusal } from '../http/app-origin.ts';
import { clientId } from '../http/client-id.ts';
import type { Middleware } from '../http/middleware.ts';
import { createRateLimit } from '../http/rate-limit.ts';
import { noteRequest } from '../http/request-log.ts';
import { sendCacheable } from '../http/send-cacheable.ts';
import { isStoreCountry } from '../../src/shared/store-countries.ts';
import { ALL_GENRES } from './apple-charts.ts';
import { createAnswerCache, type Lifetimes } from './answer-cache.ts';
import { DirectoryFailure } from './directory-failure.ts';
import type { DirectoryAnswer } from './directory-podcast.ts';
import { directorySettings, type DirectoryOptions } from './directory-settings.ts';
import { directorySources, type Found } from './directory-sources.ts';

export type { DirectoryOptions } from './directory-settings.ts';

const SEARCH: Lifetimes = { freshSeconds: 600, partialSeconds: 60 };
const TOP: Lifetimes = { freshSeconds: 1800, partialSeconds: 60 };
/** How long a cache in front may serve an answer stale while it asks again. */
const STALE_WHILE_REVALIDATE = 3600;
const MAX_TERM_LENGTH = 100;

/** Middleware answering /directory/* and passing anything else on. */
export function directoryRoutes(options: DirectoryOptions = {}): Middleware {
  const settings = directorySettings(options);
  const rate = createRateLimit({ perMinute: settings.requestsPerMinute, now: settings.now });
  const cache = createAnswerCache({ now: settings.now });
  const sources = directorySources(settings, (_url, seconds) =>
    settings.metrics.upstreamSeconds.observe({ route: '/directory' }, seconds),
  );
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://directory.invalid');
    if (!url.pathname.startsWith('/directory/')) {
      next();
      return;
    }
    const refusal = appOriginRefusal(req, settings.publicOrigin);
    if (refusal) {
      sendProblem(
        res,
        refusal.status,
        refusal.message,
        refusal.status === 421 ? 'wrong-host' : 'cross-site',
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Cache-Control': 'no-store' }).end();
      return;
    }
    const verdict = rate.take(clientId(req, settings.trustedProxyHeader));
    if (!verdict.allowed) {
      settings.metrics.limited.inc({ route: '/directory', limit: 'rate' });
      sendProblem(
        res,
        429,
        `Too many searches from your address: try again in ${verdict.retryAfterSeconds} s.`,
        'rate-limited',
        verdict.retryAfterSeconds,
      );
      return;
    }
    const request = parseRequest(url);
    if ('problem' in request) {
      sendProblem(res, request.status, request.problem, 'bad-request');
      return;
    }
    noteRequest(res, { upstream: request.upstream });
    cache.get(request.key, request.ask, request.lifetimes).then(
      ({ answer, stale }) => {
        if (answer.message) noteRequest(res, { error: 'partial' });
        if (stale) noteRequest(res, { error: 'stale' });
        sendCacheable(req, res, {
          body: JSON.stringify(stale ? asKept(answer) : answer),
          contentType: 'application/json; charset=utf-8',
          maxAgeSeconds:
            stale || answer.message
              ? request.lifetimes.partialSeconds
              : request.lifetimes.freshSeconds,
          staleWhileRevalidateSeconds: stale ? undefined : STALE_WHILE_REVALIDATE,
        });
      },
      (error: unknown) => {
        const failure =
          error instanceof DirectoryFailure
            ? error
            : new DirectoryFailure('unreachable', 'The directory failed.');
        if (!(error instanceof DirectoryFailure)) console.error('Directory failed:', error);
        sendProblem(res, 502, `${failure.message} Try again in a little while.`, failure.code);
      },
    );
  };

  function parseRequest(
    url: URL,
  ):
    | { key: string; ask: () => Promise<Found>; lifetimes: Lifetimes; upstream: string }
    | { problem: string; status: number } {
    const country = (url.searchParams.get('country') ?? 'us').trim().toLowerCase();
    // Only stores Apple has: a made-up one is refused here, never asked (and an answer such as a
    // 403 to it would leave Apple "busy" for every listener).
    if (!isStoreCountry(country)) {
      return {
        status: 400,
        problem:
          'country must be the two-letter code of an Apple Podcasts store, such as us or gb.',
      };
    }
    if (url.pathname === '/directory/search') {
      const term = (url.searchParams.get('term') ?? '').replace(/\s+/g, ' ').trim();
      if (!term) return { status: 400, problem: 'Type something to search for (term).' };
      if (term.length > MAX_TERM_LENGTH) {
        return { status: 400, problem: `Search for at most ${MAX_TERM_LENGTH} characters.` };
      }
      return {
        key: `search\n${country}\n${term.toLowerCase()}`,
        ask: () => sources.search(term, country),
        lifetimes: SEARCH,
        upstream: settings.itunesUrl.host,
      };
    }
    if (url.pathname === '/directory/top') {
      const raw = url.searchParams.get('genre') ?? String(ALL_GENRES);
      if (!/^\d{1,6}$/.test(raw)) {
        return { status: 400, problem: 'genre must be an Apple Podcasts genre id, such as 1303.' };
      }
      const genre = Number(raw);
      return {
        key: `top\n${country}\n${genre}`,
        ask: () => sources.top(genre, country),
        lifetimes: TOP,
        upstream: settings.appleChartsUrl.host,
      };
    }
    return { status: 404, problem: 'The directory answers /directory/search and /directory/top.' };
  }
}

/** An answer served because the directories failed: it says how old it is. */
function asKept(answer: DirectoryAnswer): DirectoryAnswer {
  return {
    ...answer,
    message: `The directory is not answering right now: these results are from ${answer.fetchedAt.slice(0, 16).replace('T', ' ')} UTC.`,
  };
}

function sendProblem(
  res: ServerResponse,
  status: number,
  message: string,
  code: string,
  retryAfterSeconds?: number,
): void {
  noteRequest(res, { error: code });
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  };
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  const body: DirectoryAnswer = { podcasts: [], fetchedAt: new Date().toISOString(), message };
  res.writeHead(status, headers).end(JSON.stringify(body));
}
