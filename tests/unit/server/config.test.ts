// The environment contract (names exactly as other tooling sets them): defaults, parsing, and a
// plain message for each value that cannot be used.
import { describe, expect, it } from 'vitest';
import { ConfigError, readServerConfig } from '../../../server/config.ts';

describe('readServerConfig', () => {
  it('has defaults that need no setting at all', () => {
    const { directory, ...rest } = readServerConfig({});
    expect(directory).toEqual({
      itunesUrl: new URL('https://itunes.apple.com'),
      appleChartsUrl: new URL('https://itunes.apple.com'),
      podcastIndexUrl: new URL('https://api.podcastindex.org'),
      podcastIndex: undefined,
      requestsPerMinute: 120,
    });
    expect(rest).toEqual({
      port: 4173,
      host: 'localhost',
      publicOrigin: undefined,
      proxyRequestsPerMinute: 600,
      proxyMaxStreams: 8,
      trustedProxyHeader: undefined,
      allowPrivateHosts: false,
      proxyPorts: [80, 443],
      shutdownSeconds: 8,
    });
  });

  it('reads every setting by its exact name', () => {
    const config = readServerConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      LONGWAVE_PUBLIC_ORIGIN: 'https://podcasts.example.org',
      LONGWAVE_PROXY_REQUESTS_PER_MINUTE: '120',
      LONGWAVE_PROXY_MAX_STREAMS: '3',
      LONGWAVE_TRUSTED_PROXY_HEADER: 'X-Forwarded-For',
      LONGWAVE_ALLOW_PRIVATE_HOSTS: '1',
      LONGWAVE_PROXY_PORTS: '80, 443, 8000',
      LONGWAVE_SHUTDOWN_SECONDS: '25',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      proxyRequestsPerMinute: 120,
      proxyMaxStreams: 3,
      trustedProxyHeader: 'X-Forwarded-For',
      allowPrivateHosts: true,
      proxyPorts: [80, 443, 8000],
      shutdownSeconds: 25,
    });
    expect(config.publicOrigin?.origin).toBe('https://podcasts.example.org');
    expect(
      readServerConfig({ LONGWAVE_PUBLIC_ORIGIN: 'https://a.example/' }).publicOrigin?.host,
    ).toBe('a.example');
    expect(readServerConfig({ LONGWAVE_PROXY_PORTS: 'any' }).proxyPorts).toBe('any');
  });

  it('reads the directory settings by their exact names', () => {
    const { directory } = readServerConfig({
      LONGWAVE_ITUNES_URL: 'http://127.0.0.1:9001',
      LONGWAVE_APPLE_CHARTS_URL: 'http://127.0.0.1:9002/charts/',
      LONGWAVE_PODCASTINDEX_URL: 'http://127.0.0.1:9003/api/1.0',
      LONGWAVE_PODCASTINDEX_KEY: ' KEY ',
      LONGWAVE_PODCASTINDEX_SECRET: 'se$cret',
      LONGWAVE_DIRECTORY_REQUESTS_PER_MINUTE: '30',
    });
    expect(directory.itunesUrl.href).toBe('http://127.0.0.1:9001/');
    expect(directory.appleChartsUrl.href).toBe('http://127.0.0.1:9002/charts/');
    expect(directory.podcastIndexUrl.href).toBe('http://127.0.0.1:9003/api/1.0');
    expect(directory.podcastIndex).toEqual({ key: 'KEY', secret: 'se$cret' });
    expect(directory.requestsPerMinute).toBe(30);
  });

  it.each([
    ['PORT', 'http', /PORT must be a whole number from 0 to 65535, not "http"/],
    ['PORT', '70000', /PORT must be a whole number/],
    ['LONGWAVE_PROXY_REQUESTS_PER_MINUTE', '0', /from 1 to/],
    ['LONGWAVE_PROXY_REQUESTS_PER_MINUTE', '1.5', /whole number/],
    ['LONGWAVE_PROXY_MAX_STREAMS', '-1', /LONGWAVE_PROXY_MAX_STREAMS must be/],
    ['LONGWAVE_PUBLIC_ORIGIN', 'podcasts.example.org', /must be an origin such as https:/],
    ['LONGWAVE_PUBLIC_ORIGIN', 'https://podcasts.example.org/app', /scheme, host and port only/],
    ['LONGWAVE_PUBLIC_ORIGIN', 'ftp://podcasts.example.org', /must be an origin/],
    ['LONGWAVE_TRUSTED_PROXY_HEADER', 'X-Forwarded-For: 1', /a header name such as/],
    ['LONGWAVE_PROXY_PORTS', '80;443', /"any" or port numbers/],
    ['LONGWAVE_ITUNES_URL', 'itunes.apple.com', /LONGWAVE_ITUNES_URL must be an http\(s\) address/],
    ['LONGWAVE_APPLE_CHARTS_URL', 'ftp://charts.example', /must be an http\(s\) address/],
    ['LONGWAVE_PODCASTINDEX_URL', 'https://x.example/?key=1', /no query/],
    [
      'LONGWAVE_PODCASTINDEX_KEY',
      'KEY',
      /go together: set both, or neither \(the secret is missing\)/,
    ],
    ['LONGWAVE_PODCASTINDEX_SECRET', 'S', /go together.*the key is missing/],
    ['LONGWAVE_DIRECTORY_REQUESTS_PER_MINUTE', '0', /from 1 to/],
  ])('refuses %s=%j in plain words', (name, value, message) => {
    expect(() => readServerConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readServerConfig({ [name]: value })).toThrow(message);
  });
});
