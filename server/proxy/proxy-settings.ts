// The proxy's settings: limits and rules from the caller, else from the environment (config.ts).
import { readServerConfig } from '../config.ts';
import { createMetrics, type Metrics } from '../http/metrics.ts';
import { isPublicAddress } from './address-policy.ts';
import { lookupAll, type HostLookup } from './resolve-target.ts';

export interface ProxyOptions {
  /** Fetch from private and loopback hosts too, on any port (local testing). */
  allowPrivateHosts?: boolean;
  /** Upstream ports (default 80 and 443), or 'any'. */
  allowedPorts?: readonly number[] | 'any';
  /** The origin the app is served at; localhost forms are always allowed. */
  publicOrigin?: URL;
  /** Per client; the bucket holds a minute's worth. */
  requestsPerMinute?: number;
  /** Media streams one client may have open at once. */
  maxStreams?: number;
  /** The header a reverse proxy in front sets to the client's address. */
  trustedProxyHeader?: string;
  maxDocumentBytes?: number;
  maxMediaBytes?: number;
  documentTimeoutMs?: number;
  mediaTimeoutMs?: number;
  idleTimeoutMs?: number;
  dnsTimeoutMs?: number;
  maxRedirects?: number;
  /** Which addresses count as public; tests replace it to exercise redirects on one machine. */
  isPublicAddress?: (address: string) => boolean;
  /** The resolver; tests replace it to stage DNS answers (rebinding, stalls). */
  lookup?: HostLookup;
  metrics?: Metrics;
}

export type ProxySettings = Required<Omit<ProxyOptions, 'publicOrigin' | 'trustedProxyHeader'>> &
  Pick<ProxyOptions, 'publicOrigin' | 'trustedProxyHeader'>;

/** Fills every option: explicit values first, then the environment, then the defaults. */
export function proxySettings(options: ProxyOptions): ProxySettings {
  const env = readServerConfig();
  return {
    allowPrivateHosts: options.allowPrivateHosts ?? env.allowPrivateHosts,
    allowedPorts: options.allowedPorts ?? env.proxyPorts,
    publicOrigin: options.publicOrigin ?? env.publicOrigin,
    requestsPerMinute: options.requestsPerMinute ?? env.proxyRequestsPerMinute,
    maxStreams: options.maxStreams ?? env.proxyMaxStreams,
    trustedProxyHeader: options.trustedProxyHeader ?? env.trustedProxyHeader,
    maxDocumentBytes: options.maxDocumentBytes ?? 32 * 2 ** 20,
    // Ten hours of 128 kbit/s audio is 0.6 GB; a long 1080p video episode fits too.
    maxMediaBytes: options.maxMediaBytes ?? 4 * 2 ** 30,
    documentTimeoutMs: options.documentTimeoutMs ?? 60_000,
    mediaTimeoutMs: options.mediaTimeoutMs ?? 6 * 3600_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 30_000,
    dnsTimeoutMs: options.dnsTimeoutMs ?? 5_000,
    maxRedirects: options.maxRedirects ?? 5,
    isPublicAddress: options.isPublicAddress ?? isPublicAddress,
    lookup: options.lookup ?? lookupAll,
    metrics: options.metrics ?? createMetrics(),
  };
}
