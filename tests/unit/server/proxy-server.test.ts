// The proxy as the app server runs it: registered before the SPA fallback, refusing private hosts
// unless allowPrivateHosts or LONGWAVE_ALLOW_PRIVATE_HOSTS=1 says otherwise.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { listen, type ListenOptions, type RunningServer } from '../../../server/listen.ts';
import { startProxyOrigin, type ProxyOrigin } from './proxy-origin.ts';
import { rawRequest } from './raw-request.ts';

let distDir: string;
let origin: ProxyOrigin;
let running: RunningServer | undefined;

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'longwave-dist-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>shell</title>');
  origin = await startProxyOrigin(1024);
});
afterAll(() => {
  origin.close();
  rmSync(distDir, { recursive: true, force: true });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await running?.close();
});

async function proxiedFeed(options: Partial<ListenOptions>): Promise<Response> {
  running = await listen({ distDir, port: 0, host: '127.0.0.1', ...options });
  return fetch(`${running.url}/proxy?url=${encodeURIComponent(`${origin.origin}/feed`)}`);
}

it('refuses loopback hosts by default, answering from the proxy rather than the app shell', async () => {
  vi.stubEnv('LONGWAVE_ALLOW_PRIVATE_HOSTS', '');
  const response = await proxiedFeed({});
  expect(response.status).toBe(403);
  expect(await response.text()).toMatch(/^Refused/);
});

it('fetches loopback hosts with allowPrivateHosts', async () => {
  const response = await proxiedFeed({ allowPrivateHosts: true });
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('<rss>');
});

it('takes the default from LONGWAVE_ALLOW_PRIVATE_HOSTS=1', async () => {
  vi.stubEnv('LONGWAVE_ALLOW_PRIVATE_HOSTS', '1');
  expect((await proxiedFeed({})).status).toBe(200);
});

it('applies the configured size cap', async () => {
  running = await listen({
    distDir,
    port: 0,
    host: '127.0.0.1',
    allowPrivateHosts: true,
    proxy: { maxDocumentBytes: 100 },
  });
  const url = `${running.url}/proxy?url=${encodeURIComponent(`${origin.origin}/big-declared`)}`;
  const response = await fetch(url);
  expect(response.status).toBe(502);
  expect(response.headers.get('x-longwave-proxy-error')).toBe('too-large');
});

it('takes its limits and rules from the environment, by their exact names', async () => {
  vi.stubEnv('LONGWAVE_ALLOW_PRIVATE_HOSTS', '1');
  vi.stubEnv('LONGWAVE_PROXY_REQUESTS_PER_MINUTE', '2');
  vi.stubEnv('LONGWAVE_TRUSTED_PROXY_HEADER', 'X-Client');
  vi.stubEnv('LONGWAVE_PUBLIC_ORIGIN', 'https://podcasts.example.org');
  running = await listen({ distDir, port: 0, host: '127.0.0.1' });
  const url = `${running.url}/proxy?url=${encodeURIComponent(`${origin.origin}/feed`)}`;
  const as = (client: string, host = 'podcasts.example.org') =>
    rawRequest(url, { headers: { Host: host, 'X-Client': client } });
  expect((await as('198.51.100.1')).status).toBe(200);
  expect((await as('198.51.100.1')).status).toBe(200);
  expect((await as('198.51.100.1')).status).toBe(429);
  expect((await as('198.51.100.2')).status).toBe(200);
  expect((await as('198.51.100.3', 'elsewhere.example.org')).status).toBe(421);
});
