// /directory over real HTTP against the directory double: search merged from Apple and a signed
// Podcast Index, charts by genre and country, the answer's checked shape, caching (here and for a
// CDN in front), what a listener gets when a directory fails or answers with garbage, and the
// per-client limit. The secret never reaches the page.
import { describe, expect, it } from 'vitest';
import { COMEDY, TECHNOLOGY } from '../../support/directory-shows.ts';
import { startDirectory } from './directory-harness.ts';

const titles = (answer: { podcasts: { title: string }[] }) => answer.podcasts.map((p) => p.title);

describe('search', () => {
  it('merges Apple and Podcast Index by feed, keeps only http(s) feeds, and sends plain text', async () => {
    const directory = await startDirectory();
    const response = await directory.get('/directory/search?term=example&country=GB');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const { podcasts } = response.json;
    // Apple's order first; the index's feed spelled another way is the same show; the index's
    // own show is added; the dead one is not.
    expect(titles(response.json)).toEqual(['The Daily Example', 'Independent Example Radio']);
    expect(podcasts[0]).toMatchObject({
      feedUrl: 'https://feeds.example.com/daily-example.xml',
      sources: ['apple', 'podcastindex'],
      episodeCount: 1873,
      description: 'Twenty minutes a day, five days a week.',
    });
    expect(podcasts[1]).toMatchObject({
      description: 'Made at home, weekly.',
      sources: ['podcastindex'],
    });
    const asked = directory.upstream();
    expect(asked).toContainEqual(
      expect.stringMatching(/^\/search\?media=podcast&entity=podcast&term=example&country=gb/),
    );
    expect(asked).toContainEqual(expect.stringMatching(/^\/api\/1\.0\/search\/byterm\?q=example/));
    const body = response.body.toString();
    expect(body).not.toContain(directory.double.credentials.secret);
    expect(body).not.toContain(directory.double.credentials.key);
  });

  it('drops odd feeds and cleans HTML from names', async () => {
    const directory = await startDirectory();
    const technology = await directory.get('/directory/search?term=technology');
    // itpc: and javascript: feeds are gone; the absurd episode count is left out.
    expect(titles(technology.json)).toEqual([
      'Everything Ever Recorded',
      'Independent Example Radio',
    ]);
    expect(technology.json.podcasts[0]?.episodeCount).toBeUndefined();
    const comedy = await directory.get('/directory/search?term=comedy');
    expect(titles(comedy.json)).toEqual(['Bold & Beautiful Tonight', 'No Picture Hour']);
    expect(comedy.json.podcasts[0]?.author).toBe('Studio "Loud" Ltd');
    expect(comedy.json.podcasts[1]?.artworkUrl).toBeUndefined();
  });

  it('asks Apple alone without Podcast Index keys', async () => {
    const directory = await startDirectory({ withIndex: false });
    const response = await directory.get('/directory/search?term=example');
    expect(titles(response.json)).toEqual(['The Daily Example']);
    expect(directory.upstream().every((path) => path.startsWith('/search'))).toBe(true);
  });

  it('still answers from Apple when Podcast Index refuses the key, and says so', async () => {
    const directory = await startDirectory({
      podcastIndex: { key: 'DOUBLEKEY', secret: 'not the secret' },
    });
    const response = await directory.get('/directory/search?term=example');
    expect(response.status).toBe(200);
    expect(titles(response.json)).toEqual(['The Daily Example']);
    expect(response.json.message).toMatch(
      /Podcast Index refused this server's key.*other directory/,
    );
    expect(response.headers['cache-control']).toBe(
      'public, max-age=60, stale-while-revalidate=3600',
    );
  });
});

describe('top podcasts', () => {
  it('follows the chart of a genre and a country, with the feeds from a lookup', async () => {
    const directory = await startDirectory();
    const us = await directory.get(`/directory/top?genre=${COMEDY}&country=us`);
    // The Apple-only show has no public feed: left out.
    expect(titles(us.json)).toEqual(['Bold & Beautiful Tonight', 'No Picture Hour']);
    expect(us.json.podcasts[0]).toMatchObject({ genre: 'Comedy', appleId: 1000000002 });
    expect(directory.upstream()).toEqual([
      `/us/rss/toppodcasts/limit=50/genre=${COMEDY}/json`,
      '/lookup?id=1000000002%2C1000000003%2C1000000007&entity=podcast&country=us',
    ]);
    const gb = await directory.get(`/directory/top?genre=${COMEDY}&country=gb`);
    expect(titles(gb.json)).toEqual(['No Picture Hour', 'Bold & Beautiful Tonight']);
  });

  it('reads the all-podcasts chart, and a chart of one entry', async () => {
    const directory = await startDirectory();
    const all = await directory.get('/directory/top');
    expect(directory.upstream()[0]).toBe('/us/rss/toppodcasts/limit=50/json');
    expect(all.json.podcasts.length).toBe(4);
    directory.double.shows.splice(0, directory.double.shows.length, directory.double.shows[3]!);
    const one = await directory.get(`/directory/top?genre=${TECHNOLOGY}&country=de`);
    expect(titles(one.json)).toEqual(['Everything Ever Recorded']);
  });
});

describe('caching', () => {
  it('answers repeats from memory, with an ETag, 304s and a lifetime a CDN can use', async () => {
    const directory = await startDirectory({ withIndex: false });
    const first = await directory.get('/directory/search?term=Example');
    expect(first.headers['cache-control']).toBe('public, max-age=600, stale-while-revalidate=3600');
    expect(directory.upstream()).toHaveLength(1);
    // Case and spacing of the term do not matter.
    const again = await directory.get('/directory/search?term=%20example%20');
    expect(again.body.equals(first.body)).toBe(true);
    const revalidated = await directory.get('/directory/search?term=example', {
      'If-None-Match': String(first.headers.etag),
    });
    expect(revalidated.status).toBe(304);
    expect(directory.upstream()).toHaveLength(0);
    directory.advance(601_000);
    await directory.get('/directory/search?term=example');
    expect(directory.upstream()).toHaveLength(1);
  });

  it('shares one upstream request among identical requests in flight', async () => {
    const directory = await startDirectory({ withIndex: false });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => directory.get('/directory/top?genre=1303')),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(directory.upstream()).toHaveLength(2); // the chart and its lookup, once
  });

  it('serves the last answer, saying how old, while the directory is down', async () => {
    const directory = await startDirectory({ withIndex: false });
    const fresh = await directory.get('/directory/search?term=example');
    directory.advance(601_000);
    directory.double.fault('itunes', { kind: 'status', status: 500 });
    const kept = await directory.get('/directory/search?term=example');
    expect(kept.status).toBe(200);
    expect(kept.json.podcasts).toEqual(fresh.json.podcasts);
    expect(kept.json.message).toMatch(
      /not answering right now: these results are from \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
    );
    expect(kept.headers['cache-control']).toBe('public, max-age=60');
  });
});

describe('failures and hostile answers', () => {
  it.each([
    [{ kind: 'status', status: 500 } as const, /Apple Podcasts answered with an error \(500\)/],
    [{ kind: 'truncated' } as const, /Apple Podcasts sent an answer that could not be read/],
    [{ kind: 'html' } as const, /could not be read/],
    [{ kind: 'wrong-shape' } as const, /could not be read/],
    [{ kind: 'huge', megabytes: 6 } as const, /too large to read/],
  ])('answers %j with 502, a message and no caching', async (fault, message) => {
    const directory = await startDirectory({ withIndex: false });
    directory.double.fault('itunes', fault);
    const response = await directory.get('/directory/search?term=example');
    expect(response.status).toBe(502);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json.podcasts).toEqual([]);
    expect(response.json.message).toMatch(message);
    // And it keeps working once the directory does.
    directory.double.fault('itunes', undefined);
    expect((await directory.get('/directory/search?term=example')).status).toBe(200);
  });

  it('gives up on a directory that does not answer in time', async () => {
    const directory = await startDirectory({ withIndex: false, timeoutMs: 300 });
    directory.double.fault('charts', { kind: 'stall' });
    const response = await directory.get('/directory/top');
    expect(response.status).toBe(502);
    expect(response.json.message).toMatch(/Apple Podcasts charts took too long to answer/);
  });

  it('says a directory that resets its connection half way could not be reached, at once', async () => {
    const directory = await startDirectory({ withIndex: false, timeoutMs: 30_000 });
    directory.double.fault('itunes', { kind: 'reset-gzip' });
    const started = Date.now();
    const response = await directory.get('/directory/search?term=example');
    expect(response.status).toBe(502);
    expect(response.json.message).toMatch(/Apple Podcasts could not be reached/);
    expect(Date.now() - started).toBeLessThan(4000); // not the 30 s deadline
  });

  it('reads the documented shapes filled with garbage as empty, never crashing', async () => {
    const directory = await startDirectory();
    for (const name of ['itunes', 'charts', 'podcastindex'] as const) {
      directory.double.fault(name, { kind: 'hostile' });
    }
    const search = await directory.get('/directory/search?term=anything');
    expect(search.status).toBe(200);
    expect(search.json.podcasts.map((p) => p.feedUrl)).toEqual(['https://vast.example/feed']);
    expect(search.json.podcasts[0]?.title.length).toBeLessThanOrEqual(200);
    expect(search.json.podcasts[0]?.title).not.toContain('<');
    const top = await directory.get('/directory/top?country=fr');
    expect(top.status).toBe(200);
    expect(top.json.podcasts).toEqual([]);
  });

  it('leaves a busy directory alone for as long as it asked', async () => {
    const directory = await startDirectory({ withIndex: false });
    directory.double.fault('itunes', { kind: 'status', status: 403, retryAfter: '120' });
    const busy = await directory.get('/directory/search?term=one');
    expect(busy.json.message).toMatch(/Apple Podcasts is busy right now \(it answered 403\)/);
    directory.double.fault('itunes', undefined);
    directory.upstream();
    expect((await directory.get('/directory/search?term=two')).status).toBe(502);
    expect(directory.upstream()).toEqual([]);
    directory.advance(121_000);
    expect((await directory.get('/directory/search?term=two')).status).toBe(200);
  });

  it('refuses upstreams at private addresses unless they are allowed', async () => {
    const directory = await startDirectory({ withIndex: false, allowPrivateHosts: false });
    const response = await directory.get('/directory/search?term=example');
    expect(response.status).toBe(502);
    expect(response.json.message).toMatch(/at an address this server may not reach/);
    expect(directory.upstream()).toEqual([]);
  });
});

describe('who may ask, and how often', () => {
  it('limits each client, with Retry-After', async () => {
    const directory = await startDirectory({ withIndex: false, requestsPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await directory.get(`/directory/search?term=a${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await directory.get('/directory/search?term=x');
    expect(limited.headers['retry-after']).toBe('20');
    expect(limited.headers['cache-control']).toBe('no-store');
    expect(limited.json.message).toMatch(/Too many searches from your address: try again in 20 s/);
    directory.advance(20_000);
    expect((await directory.get('/directory/search?term=x')).status).toBe(200);
  });

  it.each([
    [{ 'Sec-Fetch-Site': 'cross-site' }, 403],
    [{ Origin: 'https://evil.example' }, 403],
    [{ Host: 'evil.example' }, 421],
  ])('refuses another site’s request %j without asking anyone', async (headers, status) => {
    const directory = await startDirectory();
    const response = await directory.get('/directory/search?term=example', headers);
    expect(response.status).toBe(status);
    expect(response.json.message).toMatch(/^Refused/);
    expect(directory.upstream()).toEqual([]);
  });

  it.each([
    ['/directory/search', 400, /Type something/],
    [`/directory/search?term=${'x'.repeat(101)}`, 400, /at most 100/],
    ['/directory/search?term=a&country=usa', 400, /two-letter code of an Apple Podcasts store/],
    ['/directory/search?term=a&country=zz', 400, /two-letter code of an Apple Podcasts store/],
    ['/directory/top?genre=comedy', 400, /genre id/],
    ['/directory/elsewhere', 404, /answers \/directory\/search and \/directory\/top/],
  ])('answers %s with %i and words', async (path, status, message) => {
    const directory = await startDirectory();
    const response = await directory.get(path);
    expect(response.status).toBe(status);
    expect(response.json.message).toMatch(message);
  });
});
