// /proxy answers the app only, over real HTTP: the Host allowlist (DNS rebinding), Sec-Fetch-Site
// and Origin as the browsers really send them (see server/http/app-origin.ts), and no CORS headers.
import { describe, expect, it } from 'vitest';
import { startProxy, useProxyOrigin } from './proxy-harness.ts';
import { rawRequest } from './raw-request.ts';

const origin = useProxyOrigin();

/** One proxied feed request with these headers; reports the answer and whether the origin saw it. */
async function ask(headers: Record<string, string>, publicOrigin?: string) {
  const proxied = await startProxy({
    allowPrivateHosts: true,
    publicOrigin: publicOrigin ? new URL(publicOrigin) : undefined,
  });
  const before = origin.current.paths.length;
  const response = await rawRequest(proxied(`${origin.current.origin}/feed`), { headers });
  return { ...response, reachedOrigin: origin.current.paths.length > before };
}

describe('Host allowlist (DNS rebinding)', () => {
  it.each([
    'evil.example',
    'evil.example:4173',
    '127.0.0.1.evil.example',
    'localhost.evil.example',
  ])('answers 421 to Host %s without fetching anything', async (host) => {
    const response = await ask({ Host: host });
    expect(response.status).toBe(421);
    expect(response.headers['x-longwave-proxy-error']).toBe('wrong-host');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.toString()).toMatch(/^Refused: .*LONGWAVE_PUBLIC_ORIGIN/);
    expect(response.reachedOrigin).toBe(false);
  });

  it.each(['localhost', 'localhost:4173', '127.0.0.1:9', '[::1]:4173', '[::1]'])(
    'always answers the localhost form %s',
    async (host) => {
      expect((await ask({ Host: host })).status).toBe(200);
    },
  );

  it('answers the public origin’s host, with or without its default port, and no other', async () => {
    const site = 'https://podcasts.example.org';
    expect((await ask({ Host: 'podcasts.example.org' }, site)).status).toBe(200);
    expect((await ask({ Host: 'podcasts.example.org:443' }, site)).status).toBe(200);
    expect((await ask({ Host: 'podcasts.example.org:8443' }, site)).status).toBe(421);
    expect((await ask({ Host: 'other.example.org' }, site)).status).toBe(421);
    expect((await ask({ Host: 'example.org:4173' }, 'http://example.org:4173')).status).toBe(200);
  });
});

describe('other sites', () => {
  it.each(['cross-site', 'same-site'])(
    'refuses Sec-Fetch-Site: %s with 403, without fetching anything',
    async (site) => {
      const response = await ask({ 'Sec-Fetch-Site': site, 'Sec-Fetch-Mode': 'no-cors' });
      expect(response.status).toBe(403);
      expect(response.headers['x-longwave-proxy-error']).toBe('cross-site');
      expect(response.reachedOrigin).toBe(false);
    },
  );

  it('refuses a CORS request from another origin, even one claiming same-origin', async () => {
    for (const other of ['http://evil.example', 'null', 'http://localhost:1']) {
      const response = await ask({ Host: 'localhost:4173', Origin: other });
      expect(response.status).toBe(403);
      expect(response.reachedOrigin).toBe(false);
    }
    const lying = await ask({ 'Sec-Fetch-Site': 'same-origin', Origin: 'http://evil.example' });
    expect(lying.status).toBe(403);
  });

  it('serves the page’s and service worker’s fetches: same-origin, no Origin (all engines)', async () => {
    const response = await ask({ 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toContain('<rss>');
  });

  it('serves Chromium’s Background Fetch: same-origin with the app’s own Origin', async () => {
    const local = await ask({
      Host: 'localhost:4173',
      'Sec-Fetch-Site': 'same-origin',
      Origin: 'http://localhost:4173',
    });
    expect(local.status).toBe(200);
    const site = 'https://podcasts.example.org';
    const deployed = await ask(
      { Host: 'podcasts.example.org', 'Sec-Fetch-Site': 'same-origin', Origin: site },
      site,
    );
    expect(deployed.status).toBe(200);
    // Same host, other scheme: another origin.
    const http = await ask(
      { Host: 'podcasts.example.org', Origin: 'http://podcasts.example.org' },
      site,
    );
    expect(http.status).toBe(403);
  });

  it('serves an address typed into the browser (Sec-Fetch-Site: none) and non-browser clients', async () => {
    expect((await ask({ 'Sec-Fetch-Site': 'none' })).status).toBe(200);
    expect((await ask({})).status).toBe(200);
  });

  it('sends no CORS headers on any answer, so no other page can read one', async () => {
    const answers = [
      await ask({}),
      await ask({ 'Sec-Fetch-Site': 'cross-site' }),
      await ask({ Host: 'evil.example' }),
    ];
    for (const answer of answers) {
      expect(
        Object.keys(answer.headers).filter((name) => name.startsWith('access-control')),
      ).toEqual([]);
    }
  });
});
