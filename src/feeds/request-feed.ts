// Fetches a feed: straight from the host when it allows CORS, else through the app's proxy
// (server/proxy), which also reports the final and the permanently redirected address. Asks
// conditionally when the feed was fetched before, and reads what the host says about asking
// again (Cache-Control max-age, Retry-After). Every failure becomes a FeedError in plain words.
// No DOM: runs in the feed worker and in the service worker.
import { proxiedUrl } from '../shared/proxy-url.ts';
import { readCapped } from '../shared/read-capped.ts';
import { decodeFeed } from './decode-feed.ts';
import { FeedError } from './feed-error.ts';
import { nextFetchAfter, retryAfter } from './refresh-timing.ts';

/** Feeds larger than this are refused: 5,000 episodes with long show notes stay well below. */
export const MAX_FEED_BYTES = 32 * 2 ** 20;
const TIMEOUT_MS = 60_000;
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5';

/** What is known from the last fetch of this feed. */
export interface KnownFeed {
  etag?: string;
  lastModified?: string;
  /** The host sent no CORS headers last time: go through the proxy at once. */
  viaProxy?: boolean;
}

/** What a fetch learnt about the feed besides its text, to keep for the next one. */
export interface FetchFacts {
  etag?: string;
  lastModified?: string;
  viaProxy: boolean;
  /** Cache-Control max-age: no automatic refresh before this time. */
  refreshNotBefore?: number;
}

/** A fetched feed's text, the URL it came from (for relative URLs), and its new permanent URL. */
export interface FetchedFeed {
  text: string;
  url: string;
  permanentUrl?: string;
  facts: FetchFacts;
}

/** The host says the feed has not changed since the last fetch. */
export interface UnchangedFeed {
  unchanged: true;
  facts: FetchFacts;
}

/** Fetches `feedUrl` (absolute http(s)); throws FeedError. */
export async function requestFeed(
  feedUrl: string,
  known: KnownFeed = {},
): Promise<FetchedFeed | UnchangedFeed> {
  let response: Response | undefined;
  if (!known.viaProxy) {
    try {
      // No validators here: If-None-Match on a cross-origin request would need a CORS preflight,
      // which feed hosts rarely answer. no-cache has the browser revalidate its own copy instead.
      response = await fetch(feedUrl, init());
    } catch (error) {
      // A TypeError is how fetch reports CORS and network failures alike: the proxy can tell.
      if (!(error instanceof TypeError)) throw failure(error);
    }
  }
  if (response) return read(response, feedUrl, known, false);
  const proxied = await fetch(proxiedUrl(feedUrl), init('GET', known)).catch((reason: unknown) => {
    throw failure(reason);
  });
  await throwProxyError(proxied);
  return read(proxied, feedUrl, known, true);
}

async function read(
  response: Response,
  feedUrl: string,
  known: KnownFeed,
  viaProxy: boolean,
): Promise<FetchedFeed | UnchangedFeed> {
  const now = Date.now();
  if (!response.ok && response.status !== 304) throw statusError(response, now);
  const facts: FetchFacts = {
    etag: response.headers.get('etag') ?? undefined,
    lastModified: response.headers.get('last-modified') ?? undefined,
    viaProxy,
    refreshNotBefore: nextFetchAfter(response.headers.get('cache-control'), now),
  };
  if (response.status === 304 || sameValidators(known, facts)) {
    await response.body?.cancel().catch(() => undefined);
    // A 304 may leave out validators it did not change: keep the ones sent.
    const kept = {
      ...facts,
      etag: facts.etag ?? known.etag,
      lastModified: facts.lastModified ?? known.lastModified,
    };
    return { unchanged: true, facts: kept };
  }
  const text = decodeFeed(await readFeedBytes(response), response.headers.get('content-type'));
  if (viaProxy) {
    return {
      text,
      url: response.headers.get('x-longwave-final-url') ?? feedUrl,
      permanentUrl: response.headers.get('x-longwave-permanent-url') ?? undefined,
      facts,
    };
  }
  return {
    text,
    url: response.url || feedUrl,
    permanentUrl: response.redirected ? await permanentTarget(feedUrl) : undefined,
    facts,
  };
}

/**
 * A 200 carrying the validators stored last time is the same feed: the browser's cache answered
 * after the host's 304 (direct fetches), or the host ignored the conditional request.
 */
function sameValidators(known: KnownFeed, facts: FetchFacts): boolean {
  if (known.etag || facts.etag) return known.etag === facts.etag;
  return !!known.lastModified && known.lastModified === facts.lastModified;
}

function init(method = 'GET', known: KnownFeed = {}): RequestInit {
  const headers: Record<string, string> = { Accept: ACCEPT };
  if (known.etag) headers['If-None-Match'] = known.etag;
  if (known.lastModified) headers['If-Modified-Since'] = known.lastModified;
  // no-cache revalidates with the browser's cache, so an unchanged feed costs a 304.
  return { method, headers, cache: 'no-cache', signal: AbortSignal.timeout(TIMEOUT_MS) };
}

/**
 * The browser follows redirects without saying whether they were permanent; the proxy does say,
 * so it is asked (HEAD) only when a redirect happened. Without a proxy the address stays as is.
 */
async function permanentTarget(feedUrl: string): Promise<string | undefined> {
  try {
    const response = await fetch(proxiedUrl(feedUrl), init('HEAD'));
    return response.headers.get('x-longwave-permanent-url') ?? undefined;
  } catch {
    return undefined;
  }
}

async function throwProxyError(response: Response): Promise<void> {
  const code = response.headers.get('x-longwave-proxy-error');
  if (!code) return;
  const reason = (await response.text().catch(() => '')).trim();
  if (code === 'refused') {
    throw new FeedError(
      'refused',
      `The app will not fetch this address: it points into a private or local network. ${reason}`.trim(),
    );
  }
  if (code === 'too-large') throw tooLarge();
  if (code === 'timeout')
    throw new FeedError('timeout', 'The feed server took too long to answer.');
  if (response.status === 429) throw statusError(response, Date.now());
  throw new FeedError('unreachable', `The feed could not be reached. ${reason}`.trim());
}

function statusError(response: Response, now: number): FeedError {
  const status = `${response.status} ${response.statusText}`.trim();
  if (response.status === 404 || response.status === 410) {
    return new FeedError(
      'not-found',
      `There is no feed at this address (the server answered ${status}).`,
    );
  }
  if (response.status === 401 || response.status === 403) {
    return new FeedError('bad-status', `The feed server refused access (${status}).`);
  }
  const retryAt = retryAfter(response.headers.get('retry-after'), now);
  if (retryAt) {
    const when = new Date(retryAt).toUTCString();
    return new FeedError(
      'busy',
      `The feed server is busy (${status}) and asked to be left alone until ${when}.`,
      retryAt,
    );
  }
  return new FeedError('bad-status', `The feed server answered with an error (${status}).`);
}

/** The feed's bytes, refused past MAX_FEED_BYTES; a body cut off is a failure in words. */
async function readFeedBytes(response: Response): Promise<Uint8Array> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readCapped(response, MAX_FEED_BYTES);
  } catch (error) {
    throw failure(error, 'The feed stopped arriving before its end. Try again later.');
  }
  if (!bytes) throw tooLarge();
  return bytes;
}

function tooLarge(): FeedError {
  return new FeedError(
    'too-large',
    `This feed is too large to read (over ${MAX_FEED_BYTES / 2 ** 20} MB).`,
  );
}

function failure(error: unknown, words?: string): FeedError {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new FeedError('timeout', 'The feed server took too long to answer.');
  }
  return new FeedError(
    'unreachable',
    words ?? 'The feed could not be reached. Check the address and your connection.',
  );
}
