// Routes that fetch from elsewhere on the server's behalf (/proxy, /directory) answer the app's own
// pages and service worker only. Three checks, each with real browsers' headers measured
// (Chromium 156, Firefox ESR 153, WebKitGTK 2.50):
// - Host must be the public origin's or a localhost form: a DNS-rebinding page (evil.example
//   resolving to this server) sends its own name as Host, and gets 421.
// - Sec-Fetch-Site must be same-origin or none (typed into the address bar). Every engine sends
//   same-origin for the page's fetches, <img>, and its service worker's fetches, and cross-site for
//   another site's <img>, no-cors and CORS fetches.
// - Origin, when sent, must be this app's: Chromium's Background Fetch sends the app's own Origin
//   (with same-origin); a CORS request from another site sends that site's.
// A client that sends neither header (curl, a server) passes: these checks keep browsers of other
// sites out, the rate limits deal with everyone else.
import type { IncomingMessage } from 'node:http';

/** Why a request was refused: 421 (wrong Host) or 403 (another site), with words for it. */
export interface AppOriginRefusal {
  status: 421 | 403;
  message: string;
}

/** The request's origin checks; `publicOrigin` is LONGWAVE_PUBLIC_ORIGIN (absent: localhost only). */
export function appOriginRefusal(
  req: IncomingMessage,
  publicOrigin: URL | undefined,
): AppOriginRefusal | undefined {
  const host = req.headers.host?.toLowerCase();
  const isLocal = host !== undefined && isLocalhostForm(host);
  const isPublic =
    host !== undefined && publicOrigin !== undefined && isPublicHost(host, publicOrigin);
  if (!isLocal && !isPublic) {
    return {
      status: 421,
      message: `Refused: this server does not answer for the host ${JSON.stringify(host ?? '')} (set LONGWAVE_PUBLIC_ORIGIN to the address the app is served at).`,
    };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, message: `Refused: only the app itself may use this (${site} request).` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, host, isLocal, publicOrigin)) {
    return { status: 403, message: `Refused: only the app itself may use this, not ${origin}.` };
  }
  return undefined;
}

const LOCALHOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** localhost, 127.0.0.1 or [::1], any port: always this machine, never a rebound name. */
export function isLocalhostForm(host: string): boolean {
  return LOCALHOST.test(host);
}

function isPublicHost(host: string, publicOrigin: URL): boolean {
  const defaultPort = publicOrigin.protocol === 'https:' ? '443' : '80';
  const port = publicOrigin.port || defaultPort;
  return host === publicOrigin.host || host === `${publicOrigin.hostname}:${port}`;
}

function isOwnOrigin(
  origin: string,
  host: string,
  isLocal: boolean,
  publicOrigin: URL | undefined,
): boolean {
  if (publicOrigin && origin === publicOrigin.origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // "null" (sandboxed or opaque origins) among others
  }
  // On localhost the scheme is whatever the listener uses; the host and port must be this one.
  return isLocal && parsed.host === host && /^https?:$/.test(parsed.protocol);
}
