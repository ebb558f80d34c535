// A podcast host simulator: what real podcast hosting does, on several origins (127.0.0.1 ports)
// — a feed origin, two tracking/analytics origins and a CDN — each behaviour switchable per
// episode: tracking redirect chains (302/307, hops without CORS, OPTIONS refused with 405), signed
// CDN URLs that expire (403), dynamic ad insertion (each full GET another size, HEAD disagreeing,
// ranges consistent only within one ETag), enclosure queries that change on every feed fetch, a
// captive portal's sign-in page in place of the audio or the feed, and every fault of
// serve-audio.ts. The audio is real WAV (the demo's) that browsers play; the host knows the
// SHA-256 of every version it served, so a test can check what was stored byte for byte.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoAudioSha256 } from '../../../server/demo/demo-audio.ts';
import type { DemoEpisode } from '../../../server/demo/demo-episodes.ts';
import {
  CORS_HEADERS,
  etagOf,
  logEntry,
  serveAudio,
  type Fault,
  type LoggedRequest,
} from './serve-audio.ts';

/** What one episode's hosting does. */
export interface Behaviour extends Fault {
  /** Tracking redirects before the CDN: 2–4 hops alternating between two analytics origins. */
  redirects?: {
    hops: number;
    /** The status of each hop (302 unless given). */
    status?: (302 | 307)[];
    /** Hops (0-based) that send no CORS headers at all. */
    noCorsHops?: number[];
  };
  /** Every origin answers OPTIONS for this episode with 405 (a request needing a preflight fails). */
  refusePreflight?: boolean;
  /** The last hop signs the CDN URL, which answers 403 once this many ms have passed. */
  signedTtlMs?: number;
  /** Dynamic ad insertion: each GET not tied to a version by If-Range stitches a new one. */
  dynamicAds?: boolean;
  /** The enclosure URL's query string changes on every fetch of the feed. */
  rotatingQuery?: boolean;
  /** A captive portal answers for this episode's audio. */
  captivePortal?: boolean;
}

export interface HostEpisode extends DemoEpisode {
  behaviour: Behaviour;
}

export interface PodcastHost {
  feedUrl: string;
  origins: { feed: string; tracker: string; analytics: string; cdn: string };
  episodes: HostEpisode[];
  /** Every audio request that reached the CDN (redirect hops are not logged). */
  requests: LoggedRequest[];
  /** The captive portal answers everything on every origin (`audio`), or only the feed. */
  captive: { feed: boolean; all: boolean };
  /** Body bytes of the episode's audio served so far (every version). */
  bytesServed(slug: string): number;
  /** SHA-256 of each version (by ETag) of the episode's audio the CDN served at least a byte of. */
  servedVersions(slug: string): Map<string, { sha256: string; bytes: number }>;
  /** Preflights (OPTIONS) asked for each episode, on any origin, and whether they were refused. */
  preflights: { slug: string; refused: boolean }[];
  /** Hops that answered (method, origin label, status), to check the chain was really taken. */
  hops: { method: string; hop: number; slug: string; status: number }[];
  close(): Promise<void>;
  /** Starts every origin again on the same ports. */
  restart(): Promise<void>;
}

/** The sign-in page of a café's Wi-Fi. */
export const CAPTIVE_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in to the Wi-Fi</title></head><body><h1>Welcome to Café Longwave Wi-Fi</h1><form><label>Room number <input name="room"></label><button>Sign in to the Wi-Fi</button></form></body></html>';

/** Starts the four origins with these episodes (sizes in bytes: even, ≥ 44). */
export async function startPodcastHost(
  specs: { bytes: number; behaviour?: Behaviour }[],
): Promise<PodcastHost> {
  const episodes: HostEpisode[] = specs.map(({ bytes, behaviour = {} }, index) => ({
    slug: `host-${index + 1}`,
    title: `Host Episode ${index + 1}`,
    description: '<p>Served by the podcast host simulator.</p>',
    publishedAt: new Date(Date.UTC(2026, 10, 20 - index)).toISOString(),
    bytes,
    behaviour,
  }));
  const requests: LoggedRequest[] = [];
  const hops: PodcastHost['hops'] = [];
  const preflights: PodcastHost['preflights'] = [];
  const served = new Map<string, number>();
  const versions = new Map<string, Map<string, { sha256: string; bytes: number }>>();
  const stitched = new Map<string, DemoEpisode[]>();
  const captive = { feed: false, all: false };
  let feedFetches = 0;
  const servers = [0, 1, 2, 3].map(() => createServer());
  const [feedServer, trackerServer, analyticsServer, cdnServer] = servers as [
    Server,
    Server,
    Server,
    Server,
  ];
  const ports: number[] = [];
  for (const server of servers) {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ports.push((server.address() as AddressInfo).port);
  }
  const [feed, tracker, analytics, cdn] = ports.map((p) => `http://127.0.0.1:${p}`) as [
    string,
    string,
    string,
    string,
  ];
  const hopOrigin = (hop: number) => (hop % 2 === 0 ? tracker : analytics);
  const enclosureUrl = (e: HostEpisode) => {
    const query = e.behaviour.rotatingQuery ? `?listen=${feedFetches}-${Date.now()}` : '';
    return e.behaviour.redirects
      ? `${hopOrigin(0)}/hop/0/${e.slug}.wav${query}`
      : `${cdn}/media/${e.slug}.wav${query}`;
  };
  const cdnUrl = (e: HostEpisode) =>
    e.behaviour.signedTtlMs === undefined
      ? `${cdn}/media/${e.slug}.wav`
      : `${cdn}/media/${e.slug}.wav?expires=${Date.now() + e.behaviour.signedTtlMs}&signature=x`;
  const episodeOf = (pathname: string, prefix: RegExp) => {
    const slug = prefix.exec(pathname)?.[1];
    return episodes.find((e) => e.slug === slug);
  };

  /** The captive portal, when it answers this request: a 200 page, no CORS, whatever was asked. */
  const portal = (res: ServerResponse, on: boolean) => {
    if (!on) return false;
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      .end(CAPTIVE_PAGE);
    return true;
  };
  const preflight = (req: IncomingMessage, res: ServerResponse, e: HostEpisode, cors: boolean) => {
    if (req.method !== 'OPTIONS') return false;
    preflights.push({ slug: e.slug, refused: !!e.behaviour.refusePreflight || !cors });
    if (e.behaviour.refusePreflight || !cors) res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    else
      res
        .writeHead(204, {
          ...CORS_HEADERS,
          'Access-Control-Allow-Headers': 'Range, If-Range',
          'Access-Control-Allow-Methods': 'GET, HEAD',
        })
        .end();
    return true;
  };

  feedServer.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (portal(res, captive.all || captive.feed)) return;
    if (url.pathname === '/feed.xml') {
      feedFetches += 1;
      res
        .writeHead(200, { 'Content-Type': 'application/rss+xml', ...CORS_HEADERS })
        .end(feedXml(episodes, enclosureUrl));
      return;
    }
    res.writeHead(404).end();
  });

  const hopHandler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hop = Number(/^\/hop\/(\d+)\//.exec(url.pathname)?.[1]);
    const e = episodeOf(url.pathname, /^\/hop\/\d+\/([^/]+)\.wav$/);
    if (!e?.behaviour.redirects || portal(res, captive.all || !!e.behaviour.captivePortal)) {
      if (!res.headersSent) res.writeHead(404).end();
      return;
    }
    const { hops: count, status = [], noCorsHops = [] } = e.behaviour.redirects;
    const cors = !noCorsHops.includes(hop);
    if (preflight(req, res, e, cors)) return;
    const next = hop + 1 < count ? `${hopOrigin(hop + 1)}/hop/${hop + 1}/${e.slug}.wav` : cdnUrl(e);
    const code = status[hop] ?? 302;
    hops.push({ method: req.method ?? 'GET', hop, slug: e.slug, status: code });
    res.writeHead(code, { Location: next, ...(cors ? CORS_HEADERS : {}) }).end();
  };
  trackerServer.on('request', hopHandler);
  analyticsServer.on('request', hopHandler);

  cdnServer.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const e = episodeOf(url.pathname, /^\/media\/([^/]+)\.wav$/);
    if (!e) {
      res.writeHead(404).end();
      return;
    }
    if (portal(res, captive.all || !!e.behaviour.captivePortal)) return;
    const cors = !e.behaviour.noCors;
    if (preflight(req, res, e, cors)) return;
    if (cors) for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    const expires = Number(url.searchParams.get('expires') ?? Infinity);
    const entry = logEntry(req, e.slug);
    requests.push(entry);
    if (Date.now() > expires) {
      entry.status = 403;
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Request has expired');
      return;
    }
    const version = versionFor(e, req);
    serveAudio(
      req,
      res,
      version,
      e.behaviour,
      entry,
      (bytes) => {
        served.set(e.slug, (served.get(e.slug) ?? 0) + bytes);
        const mine = versions.get(e.slug) ?? new Map();
        versions.set(e.slug, mine);
        if (!mine.has(etagOf(version)))
          mine.set(etagOf(version), { sha256: demoAudioSha256(version), bytes: version.bytes });
      },
      e.bytes,
    );
  });

  /** The file this request gets: the same one, a replacement, or (ad insertion) a fresh stitch. */
  function versionFor(e: HostEpisode, req: IncomingMessage): DemoEpisode {
    const { changeAfterBytes, dynamicAds } = e.behaviour;
    if (dynamicAds) {
      const stitches = stitched.get(e.slug) ?? [];
      stitched.set(e.slug, stitches);
      const ifRange = req.headers['if-range'];
      const same = stitches.find((v) => etagOf(v) === ifRange);
      if (same) return same;
      if (req.method === 'HEAD') return e; // HEAD says the size without ads: GET disagrees
      // Each stitch carries another ad: 4 KiB more per request, so every GET has its own size.
      const next = {
        ...e,
        slug: `${e.slug}-ad${stitches.length + 1}`,
        bytes: e.bytes + (stitches.length + 1) * 4096,
      };
      stitches.push(next);
      return next;
    }
    const changed = changeAfterBytes !== undefined && (served.get(e.slug) ?? 0) >= changeAfterBytes;
    return changed ? { ...e, slug: `${e.slug}-v2` } : e;
  }

  const close = () =>
    Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            if (!server.listening) return resolve();
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    ).then(() => undefined);
  return {
    feedUrl: `${feed}/feed.xml`,
    origins: { feed, tracker, analytics, cdn },
    episodes,
    requests,
    captive,
    hops,
    preflights,
    bytesServed: (slug) => served.get(slug) ?? 0,
    servedVersions: (slug) => versions.get(slug) ?? new Map(),
    close,
    restart: async () => {
      await Promise.all(
        servers.map(
          (server, i) =>
            new Promise<void>((resolve) => server.listen(ports[i], '127.0.0.1', resolve)),
        ),
      );
    },
  };
}

function feedXml(episodes: HostEpisode[], enclosureUrl: (e: HostEpisode) => string): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const items = episodes
    .map(
      (e) =>
        `<item><title>${e.title}</title><guid isPermaLink="false">${e.slug}</guid><pubDate>${new Date(e.publishedAt).toUTCString()}</pubDate><description>${escape(e.description)}</description><enclosure url="${escape(enclosureUrl(e))}" length="${e.bytes}" type="${e.behaviour.contentType ?? 'audio/wav'}"/></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Real Hosting</title><description>The podcast host simulator</description>${items}</channel></rss>`;
}
