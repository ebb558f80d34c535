// Where the proxy connects, over real HTTP: the upstream port allowlist, the DNS deadline, and
// pinning (the socket goes to the address that was checked, whatever DNS answers next).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { HostLookup, ResolvedTarget } from '../../../server/proxy/resolve-target.ts';
import { onlyOriginIsPublic, startProxy, useProxyOrigin } from './proxy-harness.ts';

const origin = useProxyOrigin();
const originPort = () => Number(new URL(origin.current.origin).port);

describe('upstream ports', () => {
  it('refuses a public host on a port other than 80 and 443, without connecting', async () => {
    const proxied = await startProxy({
      isPublicAddress: onlyOriginIsPublic,
      allowedPorts: [80, 443],
    });
    const before = origin.current.paths.length;
    const response = await fetch(proxied(`${origin.current.origin}/feed`));
    expect(response.status).toBe(403);
    expect(response.headers.get('x-longwave-proxy-error')).toBe('port-refused');
    expect(await response.text()).toMatch(/only to ports 80, 443, not \d+/);
    expect(origin.current.paths.length).toBe(before);
  });

  it('checks the port of every redirect hop too', async () => {
    const proxied = await startProxy({
      isPublicAddress: onlyOriginIsPublic,
      allowedPorts: [originPort()],
    });
    const elsewhere = `http://127.0.0.1:${originPort() + 1}/feed`;
    const response = await fetch(
      proxied(`${origin.current.origin}/302/${encodeURIComponent(elsewhere)}`),
    );
    expect(response.headers.get('x-longwave-proxy-error')).toBe('port-refused');
  });

  it('connects to a configured port', async () => {
    const proxied = await startProxy({
      isPublicAddress: onlyOriginIsPublic,
      allowedPorts: [80, 443, originPort()],
    });
    expect((await fetch(proxied(`${origin.current.origin}/feed`))).status).toBe(200);
  });

  it('lets private hosts use any port when they are allowed (local testing), not public ones', async () => {
    const local = await startProxy({ allowPrivateHosts: true, allowedPorts: [80, 443] });
    expect((await fetch(local(`${origin.current.origin}/feed`))).status).toBe(200);
    const publicOnes = await startProxy({
      allowPrivateHosts: true,
      isPublicAddress: onlyOriginIsPublic,
      allowedPorts: [80, 443],
    });
    expect((await fetch(publicOnes(`${origin.current.origin}/feed`))).status).toBe(403);
  });
});

describe('DNS', () => {
  it('gives up on a look-up that does not answer in time, with 504', async () => {
    const never: HostLookup = () => new Promise<ResolvedTarget[]>(() => undefined);
    const proxied = await startProxy({ lookup: never, dnsTimeoutMs: 200 });
    const started = performance.now();
    const response = await fetch(proxied('http://stalled.example/feed.xml'));
    expect(response.status).toBe(504);
    expect(response.headers.get('x-longwave-proxy-error')).toBe('timeout');
    expect(await response.text()).toMatch(/Looking up the host stalled\.example took too long/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('connects to the address it checked, though DNS answers otherwise a moment later', async () => {
    // The rebinding attack: a name checked as public, then re-resolved to a private address for
    // the connection. A server on 127.0.0.2, same port, stands for that private address.
    const decoyHits: string[] = [];
    const decoy = createServer((req, res) => {
      decoyHits.push(req.url ?? '');
      res.end('private');
    });
    await new Promise<void>((resolve) => decoy.listen(originPort(), '127.0.0.2', resolve));
    expect((decoy.address() as AddressInfo).address).toBe('127.0.0.2');
    try {
      let lookups = 0;
      const rebinding: HostLookup = async () => {
        lookups += 1;
        return [{ address: lookups === 1 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
      };
      const proxied = await startProxy({ lookup: rebinding, isPublicAddress: onlyOriginIsPublic });
      const response = await fetch(proxied(`http://rebind.example:${originPort()}/feed`));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Origin</title>');
      expect(origin.current.lastHeaders.host).toBe(`rebind.example:${originPort()}`);
      expect(decoyHits).toEqual([]);
      expect(lookups).toBe(1);
    } finally {
      decoy.close();
    }
  });

  it('refuses a name when any of its addresses is private, even if the first is public', async () => {
    const mixed: HostLookup = async () => [
      { address: '127.0.0.1', family: 4 },
      { address: '10.0.0.1', family: 4 },
    ];
    const proxied = await startProxy({ lookup: mixed, isPublicAddress: onlyOriginIsPublic });
    const response = await fetch(proxied(`http://mixed.example:${originPort()}/feed`));
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/resolves to 10\.0\.0\.1/);
  });
});
