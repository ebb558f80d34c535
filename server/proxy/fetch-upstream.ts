// One proxied request to the origin host, following redirects by hand (at most `maxRedirects`)
// so that every hop's address is checked before connecting. Reports the final URL and, when the
// chain starts with permanent redirects (301/308), where the resource now permanently lives.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { ProxyFailure } from './proxy-failure.ts';
import { resolveTarget, type AddressRules, type ResolvedTarget } from './resolve-target.ts';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface UpstreamRequest extends AddressRules {
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  maxRedirects: number;
  /** Time allowed without any byte from the origin: before the headers, and between chunks. */
  idleTimeoutMs: number;
  signal: AbortSignal;
}

export interface UpstreamResponse {
  response: IncomingMessage;
  finalUrl: URL;
  /** Set when the first hops were permanent redirects: the last URL they led to. */
  permanentUrl?: URL;
}

/** Fetches `target`, following redirects; throws ProxyFailure for refusals and failures. */
export async function fetchUpstream(
  target: URL,
  options: UpstreamRequest,
): Promise<UpstreamResponse> {
  let url = target;
  let method = options.method;
  let permanentUrl: URL | undefined;
  let stillPermanent = true;
  for (let hop = 0; ; hop += 1) {
    const address = await resolveTarget(url, options);
    const response = await requestOnce(url, method, address, options);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode ?? 0) || !location) {
      return { response, finalUrl: url, permanentUrl };
    }
    response.destroy();
    if (hop >= options.maxRedirects) {
      throw new ProxyFailure(
        502,
        'too-many-redirects',
        `Gave up after ${options.maxRedirects} redirects.`,
      );
    }
    const next = parseLocation(location, url);
    stillPermanent &&= response.statusCode === 301 || response.statusCode === 308;
    if (stillPermanent) permanentUrl = next;
    if (response.statusCode === 303) method = method === 'HEAD' ? 'HEAD' : 'GET';
    url = next;
  }
}

function parseLocation(location: string, base: URL): URL {
  try {
    return new URL(location, base);
  } catch {
    throw new ProxyFailure(
      502,
      'unreachable',
      'The server redirected to an address that is not a URL.',
    );
  }
}

function requestOnce(
  url: URL,
  method: string,
  target: ResolvedTarget,
  options: UpstreamRequest,
): Promise<IncomingMessage> {
  // Connect to the address that was checked, whatever DNS says by now; TLS still verifies the name.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      { method, headers: options.headers, lookup, agent: false, signal: options.signal },
      resolve,
    );
    request.setTimeout(options.idleTimeoutMs, () => {
      request.destroy(new ProxyFailure(504, 'timeout', 'The server took too long to answer.'));
    });
    request.on('error', (error) => reject(toFailure(error)));
    request.end();
  });
}

function toFailure(error: Error): Error {
  if (error instanceof ProxyFailure || error.name === 'AbortError') return error;
  return new ProxyFailure(
    502,
    'unreachable',
    `The server could not be reached (${codeOf(error)}).`,
  );
}

function codeOf(error: Error): string {
  return (error as { code?: string }).code ?? error.message;
}

/** Response headers worth a look when choosing limits: the type and the declared length. */
export function declared(headers: IncomingHttpHeaders): { type: string; length?: number } {
  const length = Number(headers['content-length']);
  return {
    type: String(headers['content-type'] ?? '').toLowerCase(),
    length: Number.isFinite(length) && headers['content-length'] !== undefined ? length : undefined,
  };
}
