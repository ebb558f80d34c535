// Caching headers for proxied answers, so a CDN or any shared cache in front of several instances
// serves repeated fetches and revalidates through the proxy with the upstream's own validators.
// The answer depends on the url parameter alone (the upstream gets a fixed Accept and no cookies),
// and on Accept-Encoding for documents the proxy may gzip: hence the Vary.
import type { IncomingHttpHeaders } from 'node:http';

/** How long a shared cache may keep a feed or other document the upstream said nothing about. */
export const DOCUMENT_MAX_AGE_SECONDS = 300;

export interface ProxiedCaching {
  'Cache-Control': string;
  ETag?: string;
  Vary?: string;
}

/** Cache headers for an upstream answer relayed with `status`; `gzipped` when the proxy encodes. */
export function proxiedCaching(
  status: number,
  upstream: IncomingHttpHeaders,
  kind: { media: boolean; gzipped: boolean; ifNoneMatch?: string },
): ProxiedCaching {
  const given = upstream['cache-control'];
  const success = (status >= 200 && status < 300) || status === 304;
  let cacheControl: string;
  if (given) cacheControl = given;
  else if (!success) cacheControl = 'no-store';
  // Media may be stored but is always revalidated: ad-inserted audio differs between requests.
  else if (kind.media) cacheControl = 'no-cache';
  else cacheControl = `public, max-age=${DOCUMENT_MAX_AGE_SECONDS}`;
  const headers: ProxiedCaching = { 'Cache-Control': cacheControl };
  const etag = upstream.etag;
  // A gzipped body is not the upstream's bytes, so its validator can only be weak (RFC 9110 §8.8.1).
  // A 304 confirms the validator the client holds: the weak one, if that is what it sent.
  const weaken =
    !etag?.startsWith('W/') &&
    (kind.gzipped || (status === 304 && !!kind.ifNoneMatch?.includes(`W/${etag}`)));
  if (etag) headers.ETag = weaken ? `W/${etag}` : etag;
  if (!kind.media && success) headers.Vary = 'Accept-Encoding';
  return headers;
}
