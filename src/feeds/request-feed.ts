// Fetches a feed: straight from the host when it allows CORS, else through the app's proxy
// (server/proxy), which also reports the final and the permanently redirected address.
// Every failure becomes a FeedError in words for the listener.
import { proxiedUrl } from '../shared/proxy-url.ts';
import { decodeFeed } from './decode-feed.ts';
import { FeedError } from './feed-error.ts';

/** Feeds larger than this are refused: 5,000 episodes with long show notes stay well below. */
export const MAX_FEED_BYTES = 32 * 2 ** 20;
const TIMEOUT_MS = 60_000;
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5';

/** A fetched feed's text, the URL it came from (for relative URLs), and its new permanent URL. */
export interface FetchedFeed {
  text: string;
  url: string;
  permanentUrl?: string;
}

/** Fetches `feedUrl` (absolute http(s)); throws FeedError. */
export async function requestFeed(feedUrl: string): Promise<FetchedFeed> {
  let response: Response;
  let proxied = false;
  try {
    response = await fetch(feedUrl, init());
  } catch (error) {
    // A TypeError is how fetch reports CORS and network failures alike: the proxy can tell.
    if (!(error instanceof TypeError)) throw failure(error);
    proxied = true;
    response = await fetch(proxiedUrl(feedUrl), init()).catch((reason: unknown) => {
      throw failure(reason);
    });
    await throwProxyError(response);
  }
  if (!response.ok) throw statusError(response);
  const text = decodeFeed(await readCapped(response), response.headers.get('content-type'));
  if (proxied) {
    return {
      text,
      url: response.headers.get('x-longwave-final-url') ?? feedUrl,
      permanentUrl: response.headers.get('x-longwave-permanent-url') ?? undefined,
    };
  }
  return {
    text,
    url: response.url || feedUrl,
    permanentUrl: response.redirected ? await permanentTarget(feedUrl) : undefined,
  };
}

function init(method = 'GET'): RequestInit {
  // no-cache revalidates with the browser's cache, so an unchanged feed costs a 304.
  return {
    method,
    headers: { Accept: ACCEPT },
    cache: 'no-cache',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  };
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
  throw new FeedError('unreachable', `The feed could not be reached. ${reason}`.trim());
}

function statusError(response: Response): FeedError {
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
  return new FeedError('bad-status', `The feed server answered with an error (${status}).`);
}

async function readCapped(response: Response): Promise<Uint8Array> {
  if (Number(response.headers.get('content-length')) > MAX_FEED_BYTES) throw tooLarge();
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      if (size > MAX_FEED_BYTES) {
        void reader.cancel();
        throw tooLarge();
      }
      chunks.push(read.value);
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw failure(error, 'The feed stopped arriving before its end. Try again later.');
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
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
