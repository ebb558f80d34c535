// The directory's settings: explicit options first (tests, embedding), then the environment
// (config.ts), then the defaults.
import { readServerConfig } from '../config.ts';
import { createMetrics, type Metrics } from '../http/metrics.ts';
import { isPublicAddress } from '../proxy/address-policy.ts';
import { lookupAll, type HostLookup } from '../proxy/resolve-target.ts';
import type { DirectorySourcesOptions } from './directory-sources.ts';

export interface DirectoryOptions {
  itunesUrl?: URL;
  appleChartsUrl?: URL;
  podcastIndexUrl?: URL;
  /** Podcast Index credentials; without them only Apple is asked. */
  podcastIndex?: { key: string; secret: string };
  /** Per client; the bucket holds a minute's worth. */
  requestsPerMinute?: number;
  /** Let the directory reach loopback and private addresses (local testing). */
  allowPrivateHosts?: boolean;
  publicOrigin?: URL;
  trustedProxyHeader?: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** The clock in milliseconds (caches, limits, signatures); tests move it by hand. */
  now?: () => number;
  lookup?: HostLookup;
  metrics?: Metrics;
}

export type DirectorySettings = DirectorySourcesOptions & {
  requestsPerMinute: number;
  publicOrigin?: URL;
  trustedProxyHeader?: string;
  metrics: Metrics;
};

/** Fills every option. */
export function directorySettings(options: DirectoryOptions): DirectorySettings {
  const env = readServerConfig();
  return {
    itunesUrl: options.itunesUrl ?? env.directory.itunesUrl,
    appleChartsUrl: options.appleChartsUrl ?? env.directory.appleChartsUrl,
    podcastIndexUrl: options.podcastIndexUrl ?? env.directory.podcastIndexUrl,
    podcastIndex: options.podcastIndex ?? env.directory.podcastIndex,
    requestsPerMinute: options.requestsPerMinute ?? env.directory.requestsPerMinute,
    allowPrivateHosts: options.allowPrivateHosts ?? env.allowPrivateHosts,
    publicOrigin: options.publicOrigin ?? env.publicOrigin,
    trustedProxyHeader: options.trustedProxyHeader ?? env.trustedProxyHeader,
    timeoutMs: options.timeoutMs ?? 8_000,
    // A full page of results is well under 1 MB; this leaves room and stops a hostile stream.
    maxBytes: options.maxBytes ?? 4 * 2 ** 20,
    now: options.now ?? (() => Date.now()),
    // The upstreams are the operator's choice, so any port; the address rules still hold.
    allowedPorts: 'any',
    dnsTimeoutMs: 5_000,
    isPublicAddress,
    lookup: options.lookup ?? lookupAll,
    metrics: options.metrics ?? createMetrics(),
  };
}
