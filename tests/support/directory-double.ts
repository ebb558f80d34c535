// A local stand-in for the podcast directories, on 127.0.0.1, answering with their documented
// shapes: the iTunes Search API (/search, /lookup: { resultCount, results }), Apple's top-podcasts
// charts (/{country}/rss/toppodcasts/limit=N[/genre=G]/json: { feed: { entry } }, one entry as an
// object, none as no key) and Podcast Index (/api/1.0/search/byterm: { status, feeds, count },
// refusing requests whose Authorization is not sha1(key + secret + X-Auth-Date) within 5 minutes).
// Each directory can be made to misbehave; every request is recorded.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOUBLE_SHOWS, type DoubleShow } from './directory-shows.ts';

export type DoubleDirectory = 'itunes' | 'charts' | 'podcastindex';

/** Ways a directory misbehaves. */
export type DoubleFault =
  | { kind: 'status'; status: number; retryAfter?: string }
  /** 200 with JSON cut off half way. */
  | { kind: 'truncated' }
  /** 200 with an HTML page, as a captive portal or an error page sends. */
  | { kind: 'html' }
  /** 200 with valid JSON of another shape. */
  | { kind: 'wrong-shape' }
  /** 200 with `megabytes` of JSON that never ends. */
  | { kind: 'huge'; megabytes: number }
  /** Headers never come. */
  | { kind: 'stall' }
  /** 200 with a gzip body, then the connection is reset half way. */
  | { kind: 'reset-gzip' }
  /** The documented shape, with garbage in every field. */
  | { kind: 'hostile' };

export interface DirectoryDouble {
  origin: string;
  itunesUrl: URL;
  chartsUrl: URL;
  podcastIndexUrl: URL;
  credentials: { key: string; secret: string };
  /** Every request, in order. */
  requests: { directory: DoubleDirectory; url: URL; headers: IncomingHttpHeaders }[];
  /** The catalogue; tests may add shows (say, with feeds on a local host). */
  shows: DoubleShow[];
  fault(directory: DoubleDirectory, fault: DoubleFault | undefined): void;
  close(): Promise<void>;
}

/** The app server's directory settings pointing at `double`, with its Podcast Index key. */
export function directoryOptions(double: DirectoryDouble) {
  return {
    itunesUrl: double.itunesUrl,
    appleChartsUrl: double.chartsUrl,
    podcastIndexUrl: double.podcastIndexUrl,
    podcastIndex: double.credentials,
  };
}

/** Starts the double with the default catalogue (a copy: tests may change it). */
export async function startDirectoryDouble(): Promise<DirectoryDouble> {
  const shows = DOUBLE_SHOWS.map((show) => ({ ...show }));
  const faults = new Map<DoubleDirectory, DoubleFault>();
  const requests: DirectoryDouble['requests'] = [];
  const credentials = { key: 'DOUBLEKEY', secret: 'double-secret|with$odd^chars' };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://double.invalid');
    const directory: DoubleDirectory = url.pathname.startsWith('/api/1.0/')
      ? 'podcastindex'
      : url.pathname.includes('/rss/toppodcasts/')
        ? 'charts'
        : 'itunes';
    requests.push({ directory, url, headers: req.headers });
    const fault = faults.get(directory);
    if (fault && fault.kind !== 'hostile') return misbehave(res, fault);
    const hostile = fault?.kind === 'hostile';
    if (directory === 'podcastindex') {
      const refusal = authProblem(req.headers, credentials);
      if (refusal) return json(res, 401, { status: 'false', description: refusal });
      if (url.pathname !== '/api/1.0/search/byterm') return json(res, 404, { status: 'false' });
      const found = hostile ? [] : match(shows, url.searchParams.get('q')).filter((s) => s.indexId);
      const feeds = hostile ? hostileEntries() : found.map(indexFeed);
      return json(res, 200, {
        status: 'true',
        feeds,
        count: feeds.length,
        query: url.searchParams.get('q'),
        description: 'Found matching feeds.',
      });
    }
    if (directory === 'charts') {
      const chart = /^\/([a-z]{2})\/rss\/toppodcasts\/limit=(\d+)(?:\/genre=(\d+))?\/json$/.exec(
        url.pathname,
      );
      if (!chart) return json(res, 404, { error: 'unknown chart' });
      const [, country, limit, genre] = chart;
      let listed = shows.filter(
        (show) => show.inApple && (!genre || show.genreId === Number(genre)),
      );
      // Each store has its own chart: here Britain's runs the other way round.
      if (country === 'gb') listed = [...listed].reverse();
      const entries = hostile ? hostileEntries() : listed.slice(0, Number(limit)).map(chartEntry);
      const feed: Record<string, unknown> = {
        author: { name: { label: 'iTunes Store' }, uri: { label: 'http://www.apple.com/itunes/' } },
        title: { label: 'iTunes Store: Top Podcasts' },
      };
      if (entries.length === 1) feed.entry = entries[0];
      else if (entries.length > 1) feed.entry = entries;
      return json(res, 200, { feed });
    }
    if (url.pathname === '/search' || url.pathname === '/lookup') {
      if (url.searchParams.get('media') === 'invalid') {
        return json(res, 400, { errorMessage: 'Invalid value(s) for key(s): [mediaType]' });
      }
      const ids = (url.searchParams.get('id') ?? '').split(',').map(Number);
      const listed =
        url.pathname === '/search'
          ? match(shows, url.searchParams.get('term'))
          : shows.filter((show) => ids.includes(show.appleId));
      const results = hostile
        ? hostileEntries()
        : listed.filter((s) => s.inApple).map(itunesResult);
      return json(res, 200, { resultCount: results.length, results });
    }
    json(res, 404, { errorMessage: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    itunesUrl: new URL(origin),
    chartsUrl: new URL(origin),
    podcastIndexUrl: new URL(origin),
    credentials,
    requests,
    shows,
    fault: (directory, fault) => {
      if (fault) faults.set(directory, fault);
      else faults.delete(directory);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function match(shows: DoubleShow[], term: string | null): DoubleShow[] {
  const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return shows.filter((show) => {
    const text = `${show.title} ${show.author} ${show.genre}`.toLowerCase();
    return words.length > 0 && words.every((word) => text.includes(word));
  });
}

/** What Podcast Index checks: every header there, the date within 5 minutes, the hash right. */
function authProblem(
  headers: IncomingHttpHeaders,
  credentials: { key: string; secret: string },
): string | undefined {
  const date = String(headers['x-auth-date'] ?? '');
  if (!headers['user-agent']) return 'User-Agent header missing';
  if (headers['x-auth-key'] !== credentials.key) return 'Authorization key invalid';
  if (!/^\d+$/.test(date) || Math.abs(Date.now() / 1000 - Number(date)) > 300) {
    return 'Authorization date out of range';
  }
  const expected = createHash('sha1')
    .update(credentials.key + credentials.secret + date)
    .digest('hex');
  return headers.authorization === expected ? undefined : 'Authorization header invalid';
}

function itunesResult(show: DoubleShow): Record<string, unknown> {
  const art = show.artworkUrl;
  return {
    wrapperType: 'track',
    kind: 'podcast',
    collectionId: show.appleId,
    trackId: show.appleId,
    artistName: show.author,
    collectionName: show.title,
    trackName: show.title,
    collectionCensoredName: show.title,
    collectionViewUrl: `https://podcasts.apple.com/us/podcast/id${show.appleId}?uo=4`,
    ...(show.feedUrl ? { feedUrl: show.feedUrl } : {}),
    ...(art
      ? {
          artworkUrl30: art.replace('600x600', '30x30'),
          artworkUrl60: art.replace('600x600', '60x60'),
          artworkUrl100: art.replace('600x600', '100x100'),
          artworkUrl600: art,
        }
      : {}),
    ...(show.trackCount !== undefined ? { trackCount: show.trackCount } : {}),
    releaseDate: '2026-11-28T11:00:00Z',
    country: 'USA',
    primaryGenreName: show.genre,
    genreIds: [String(show.genreId), '26'],
    genres: [show.genre, 'Podcasts'],
    contentAdvisoryRating: 'Clean',
  };
}

function chartEntry(show: DoubleShow): Record<string, unknown> {
  const link = `https://podcasts.apple.com/us/podcast/id${show.appleId}?uo=2`;
  return {
    'im:name': { label: show.title },
    'im:image': show.artworkUrl
      ? [55, 60, 170].map((size) => ({
          label: show.artworkUrl!.replace('600x600', `${size}x${size}`),
          attributes: { height: String(size) },
        }))
      : [],
    summary: { label: show.description ?? '' },
    'im:price': { label: 'Get', attributes: { amount: '0', currency: 'USD' } },
    'im:contentType': { attributes: { term: 'Podcast', label: 'Podcast' } },
    rights: { label: '© All rights reserved' },
    title: { label: `${show.title} - ${show.author}` },
    link: { attributes: { rel: 'alternate', type: 'text/html', href: link } },
    id: { label: link, attributes: { 'im:id': String(show.appleId) } },
    'im:artist': { label: show.author },
    category: {
      attributes: { 'im:id': String(show.genreId), term: show.genre, label: show.genre },
    },
    'im:releaseDate': { label: '2026-11-28T00:00:00-07:00' },
  };
}

function indexFeed(show: DoubleShow): Record<string, unknown> {
  return {
    id: show.indexId,
    podcastGuid: `00000000-0000-4000-8000-${String(show.indexId).padStart(12, '0')}`,
    title: show.title,
    url: show.indexFeedUrl ?? show.feedUrl,
    originalUrl: show.feedUrl,
    link: 'https://example.com/',
    description: show.description ?? '',
    author: show.author,
    ownerName: show.author,
    image: show.artworkUrl ?? '',
    artwork: show.artworkUrl ?? '',
    lastUpdateTime: 1764327600,
    itunesId: show.inApple ? show.appleId : null,
    language: 'en',
    explicit: false,
    type: 0,
    medium: 'podcast',
    dead: show.dead ? 1 : 0,
    episodeCount: typeof show.trackCount === 'number' ? show.trackCount : 0,
    crawlErrors: 0,
    parseErrors: 0,
    categories: { [String(show.genreId)]: show.genre },
    locked: 0,
  };
}

/** The documented wrappers with garbage inside: wrong types, vast strings, nulls, nesting. */
function hostileEntries(): unknown[] {
  const vast = 'Vast name <img src=x onerror=alert(1)> '.repeat(4000);
  return [
    null,
    42,
    'a string',
    [[[[[]]]]],
    { kind: 'podcast', collectionName: { label: 'object' }, feedUrl: ['https://x.example/'] },
    { kind: 'podcast', collectionName: vast, feedUrl: 'https://vast.example/feed', trackCount: -5 },
    { title: vast, url: 'file:///etc/passwd', id: 'drop table' },
    { 'im:name': { label: vast }, id: { attributes: { 'im:id': '-1' } } },
  ];
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function misbehave(res: ServerResponse, fault: DoubleFault): void {
  switch (fault.kind) {
    case 'status':
      res.writeHead(fault.status, {
        'Content-Type': 'text/plain',
        ...(fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}),
      });
      res.end('Unavailable');
      return;
    case 'truncated':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"resultCount": 3, "results": [{"kind": "podcast", "collectionName": "Cut');
      return;
    case 'html':
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>Sign in to the Wi-Fi</title><p>Accept the terms</p>');
      return;
    case 'wrong-shape':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ results: 'none', feed: [], feeds: { a: 1 } }));
      return;
    case 'huge': {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"results": ["');
      const chunk = Buffer.alloc(2 ** 20, 'a');
      for (let sent = 0; sent < fault.megabytes; sent++) res.write(chunk);
      res.end('"]}');
      return;
    }
    case 'reset-gzip': {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      const zipped = gzipSync(
        JSON.stringify({ resultCount: 0, results: [], padding: 'x'.repeat(4096) }),
      );
      res.write(zipped.subarray(0, zipped.length >> 1), () => res.socket?.resetAndDestroy());
      return;
    }
    case 'stall':
    case 'hostile':
      return;
  }
}
