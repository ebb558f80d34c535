// The server's settings, read from the environment once, with a plain message for every bad value.
// The names are a contract other tooling relies on; the README documents each one.

/** Everything the environment configures. */
export interface ServerConfig {
  port: number;
  host: string;
  /** LONGWAVE_PUBLIC_ORIGIN: where the app is served; its host joins the localhost forms. */
  publicOrigin?: URL;
  /** LONGWAVE_PROXY_REQUESTS_PER_MINUTE, per client (bursts of a minute's worth). */
  proxyRequestsPerMinute: number;
  /** LONGWAVE_PROXY_MAX_STREAMS: media streams one client may have open at once. */
  proxyMaxStreams: number;
  /** LONGWAVE_TRUSTED_PROXY_HEADER: the header naming the client, set by the proxy in front. */
  trustedProxyHeader?: string;
  /** LONGWAVE_ALLOW_PRIVATE_HOSTS=1: the proxy may reach loopback and private addresses. */
  allowPrivateHosts: boolean;
  /** LONGWAVE_PROXY_PORTS: upstream ports the proxy connects to ("any", or a list). */
  proxyPorts: number[] | 'any';
  /** LONGWAVE_SHUTDOWN_SECONDS: how long running responses may go on after SIGTERM. */
  shutdownSeconds: number;
  /** The podcast directory's upstreams and limits (/directory). */
  directory: DirectoryConfig;
}

/** Where /directory finds podcasts, and how often one client may ask. */
export interface DirectoryConfig {
  /** LONGWAVE_ITUNES_URL: the iTunes Search API (/search, /lookup). */
  itunesUrl: URL;
  /** LONGWAVE_APPLE_CHARTS_URL: Apple's top-podcasts charts (/{country}/rss/toppodcasts/…/json). */
  appleChartsUrl: URL;
  /** LONGWAVE_PODCASTINDEX_URL: the Podcast Index API (/api/1.0/search/byterm). */
  podcastIndexUrl: URL;
  /** LONGWAVE_PODCASTINDEX_KEY and _SECRET: Podcast Index is asked only when both are set. */
  podcastIndex?: { key: string; secret: string };
  /** LONGWAVE_DIRECTORY_REQUESTS_PER_MINUTE, per client (bursts of a minute's worth). */
  requestsPerMinute: number;
}

/** Defaults: 600 requests a minute covers "Refresh all" of 600 podcasts in one burst. */
export const DEFAULTS = {
  port: 4173,
  host: 'localhost',
  proxyRequestsPerMinute: 600,
  // The app runs at most 5 downloads at once (Background Fetch allows no more per site).
  proxyMaxStreams: 8,
  proxyPorts: [80, 443],
  shutdownSeconds: 8,
  itunesUrl: 'https://itunes.apple.com',
  appleChartsUrl: 'https://itunes.apple.com',
  podcastIndexUrl: 'https://api.podcastindex.org',
  // Search as you type asks once per pause in typing: a minute of brisk typing stays well below.
  directoryRequestsPerMinute: 120,
} as const;

/** A setting that cannot be used; the message says which and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** Reads and checks every setting; throws ConfigError. */
export function readServerConfig(env: Env = process.env): ServerConfig {
  const trusted = env.LONGWAVE_TRUSTED_PROXY_HEADER?.trim();
  if (trusted && !/^[A-Za-z0-9-]+$/.test(trusted)) {
    throw new ConfigError(
      `LONGWAVE_TRUSTED_PROXY_HEADER must be a header name such as X-Forwarded-For, not "${trusted}".`,
    );
  }
  return {
    port: whole(env, 'PORT', DEFAULTS.port, 0, 65535),
    host: env.HOST?.trim() || DEFAULTS.host,
    publicOrigin: publicOrigin(env.LONGWAVE_PUBLIC_ORIGIN),
    proxyRequestsPerMinute: whole(
      env,
      'LONGWAVE_PROXY_REQUESTS_PER_MINUTE',
      DEFAULTS.proxyRequestsPerMinute,
      1,
    ),
    proxyMaxStreams: whole(env, 'LONGWAVE_PROXY_MAX_STREAMS', DEFAULTS.proxyMaxStreams, 1),
    trustedProxyHeader: trusted || undefined,
    allowPrivateHosts: env.LONGWAVE_ALLOW_PRIVATE_HOSTS === '1',
    proxyPorts: ports(env.LONGWAVE_PROXY_PORTS),
    shutdownSeconds: whole(env, 'LONGWAVE_SHUTDOWN_SECONDS', DEFAULTS.shutdownSeconds, 0),
    directory: directory(env),
  };
}

function directory(env: Env): DirectoryConfig {
  const key = env.LONGWAVE_PODCASTINDEX_KEY?.trim();
  const secret = env.LONGWAVE_PODCASTINDEX_SECRET?.trim();
  if (Boolean(key) !== Boolean(secret)) {
    throw new ConfigError(
      `LONGWAVE_PODCASTINDEX_KEY and LONGWAVE_PODCASTINDEX_SECRET go together: set both, or neither (${key ? 'the secret' : 'the key'} is missing).`,
    );
  }
  return {
    itunesUrl: baseUrl(env, 'LONGWAVE_ITUNES_URL', DEFAULTS.itunesUrl),
    appleChartsUrl: baseUrl(env, 'LONGWAVE_APPLE_CHARTS_URL', DEFAULTS.appleChartsUrl),
    podcastIndexUrl: baseUrl(env, 'LONGWAVE_PODCASTINDEX_URL', DEFAULTS.podcastIndexUrl),
    podcastIndex: key && secret ? { key, secret } : undefined,
    requestsPerMinute: whole(
      env,
      'LONGWAVE_DIRECTORY_REQUESTS_PER_MINUTE',
      DEFAULTS.directoryRequestsPerMinute,
      1,
    ),
  };
}

/** An upstream's base address: http(s), perhaps with a path, no query or credentials. */
function baseUrl(env: Env, name: string, fallback: string): URL {
  const value = env[name]?.trim() || fallback;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    throw new ConfigError(
      `${name} must be an http(s) address such as ${fallback} (a path is fine; no query), not "${value}".`,
    );
  }
  return url;
}

function whole(env: Env, name: string, fallback: number, min: number, max = 1e9): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}

function publicOrigin(raw: string | undefined): URL | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
    throw new ConfigError(
      `LONGWAVE_PUBLIC_ORIGIN must be an origin such as https://podcasts.example.org (scheme, host and port only), not "${value}".`,
    );
  }
  return url;
}

function ports(raw: string | undefined): number[] | 'any' {
  const value = raw?.trim();
  if (!value) return [...DEFAULTS.proxyPorts];
  if (value === 'any') return 'any';
  const list = value.split(',').map((part) => part.trim());
  if (!list.every((part) => /^\d+$/.test(part) && Number(part) >= 1 && Number(part) <= 65535)) {
    throw new ConfigError(
      `LONGWAVE_PROXY_PORTS must be "any" or port numbers separated by commas (e.g. 80,443,8080), not "${value}".`,
    );
  }
  return list.map(Number);
}
