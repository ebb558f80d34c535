// sendCacheable() over real HTTP: validators, 304s, lifetimes and gzip for server-made answers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendCacheable } from '../../../server/http/send-cacheable.ts';
import { rawRequest } from './raw-request.ts';

const BIG = JSON.stringify({
  results: Array.from({ length: 100 }, (_, i) => ({ title: `Show ${i}` })),
});
let body = BIG;
let url: string;
const server = createServer((req, res) =>
  sendCacheable(req, res, {
    body,
    contentType: 'application/json',
    maxAgeSeconds: 600,
    staleWhileRevalidateSeconds: 3600,
  }),
);
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/directory/search`;
});
afterAll(() => server.close());

it('sends a public lifetime, a strong validator and Vary', async () => {
  const response = await rawRequest(url);
  expect(response.status).toBe(200);
  expect(response.headers).toMatchObject({
    'cache-control': 'public, max-age=600, stale-while-revalidate=3600',
    vary: 'Accept-Encoding',
    'content-type': 'application/json',
  });
  expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
  expect(response.body.toString()).toBe(BIG);
});

it('answers 304 to a client that has the same bytes, in either form of its validator', async () => {
  const { headers } = await rawRequest(url);
  const etag = String(headers.etag);
  expect((await rawRequest(url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  expect((await rawRequest(url, { headers: { 'If-None-Match': `"x", W/${etag}` } })).status).toBe(
    304,
  );
  body = `${BIG} `;
  expect((await rawRequest(url, { headers: { 'If-None-Match': etag } })).status).toBe(200);
  body = BIG;
});

it('gzips for clients that take it, under a validator of its own', async () => {
  const plain = await rawRequest(url);
  const gzip = await rawRequest(url, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gzip.body).toString()).toBe(BIG);
  expect(gzip.headers.etag).not.toBe(plain.headers.etag);
  expect(gzip.body.length).toBeLessThan(plain.body.length);
});
