// Normalising each directory's documented answer into one shape, and merging by feed address:
// only http(s) URLs survive, text is plain and capped, counts are sane, and an answer of another
// shape is refused as malformed rather than half-read.
import { describe, expect, it } from 'vitest';
import { normaliseChart } from '../../../server/directory/apple-charts.ts';
import { MalformedAnswer } from '../../../server/directory/directory-failure.ts';
import { normaliseItunes } from '../../../server/directory/itunes.ts';
import { feedKey, mergeByFeed } from '../../../server/directory/merge-by-feed.ts';
import { plainText } from '../../../server/directory/plain-text.ts';
import {
  normalisePodcastIndex,
  podcastIndexHeaders,
  podcastIndexSearchUrl,
} from '../../../server/directory/podcast-index.ts';
import type { DirectoryPodcast } from '../../../server/directory/directory-podcast.ts';

const itunes = (result: Record<string, unknown>) => ({
  resultCount: 1,
  results: [{ wrapperType: 'track', kind: 'podcast', collectionId: 1, ...result }],
});

describe('normaliseItunes', () => {
  it('reads a search result: title, author, feed, largest artwork, genre, count, id', () => {
    const [podcast] = normaliseItunes(
      itunes({
        collectionId: 1535809341,
        collectionName: 'The Joe Example Podcast',
        artistName: 'Example Network',
        feedUrl: 'https://feeds.example.com/joe',
        artworkUrl100: 'https://is1.example.com/100x100bb.jpg',
        artworkUrl600: 'https://is1.example.com/600x600bb.jpg',
        trackCount: 812,
        primaryGenreName: 'Comedy',
      }),
    );
    expect(podcast).toEqual({
      feedUrl: 'https://feeds.example.com/joe',
      title: 'The Joe Example Podcast',
      author: 'Example Network',
      artworkUrl: 'https://is1.example.com/600x600bb.jpg',
      genre: 'Comedy',
      episodeCount: 812,
      appleId: 1535809341,
      sources: ['apple'],
    });
  });

  it('drops results without an http(s) feed, and drops non-http artwork', () => {
    const podcasts = normaliseItunes({
      results: [
        { kind: 'podcast', collectionName: 'No feed' },
        { kind: 'podcast', collectionName: 'Itpc', feedUrl: 'itpc://feeds.example.com/a' },
        { kind: 'podcast', collectionName: 'Script', feedUrl: 'javascript:alert(1)' },
        { kind: 'podcast', collectionName: 'File', feedUrl: 'file:///etc/passwd' },
        { kind: 'podcast', collectionName: 'Creds', feedUrl: 'https://u:p@feeds.example.com/a' },
        {
          kind: 'podcast',
          collectionName: 'Good',
          feedUrl: 'http://feeds.example.com/good',
          artworkUrl600: 'data:image/png;base64,AAAA',
          artworkUrl100: 'javascript:alert(1)',
        },
        { kind: 'podcast-episode', collectionName: 'An episode', feedUrl: 'https://x.example/' },
      ],
    });
    expect(podcasts.map((podcast) => podcast.title)).toEqual(['Good']);
    expect(podcasts[0]?.artworkUrl).toBeUndefined();
  });

  it('keeps only sane episode counts', () => {
    const counts = [812, '27', 1e20, '99999999999999999999', -1, 2.5, 'many', null];
    const podcasts = normaliseItunes({
      results: counts.map((trackCount, index) => ({
        kind: 'podcast',
        collectionName: `Show ${index}`,
        feedUrl: `https://feeds.example.com/${index}`,
        trackCount,
      })),
    });
    expect(podcasts.map((podcast) => podcast.episodeCount)).toEqual([
      812,
      27,
      ...Array<undefined>(6).fill(undefined),
    ]);
  });

  it.each([null, 42, 'text', [], { results: 'none' }, { errorMessage: 'Invalid value' }])(
    'refuses %j as malformed',
    (json) => {
      expect(() => normaliseItunes(json)).toThrow(MalformedAnswer);
    },
  );

  it('skips garbage entries and caps the list at 50', () => {
    const good = Array.from({ length: 80 }, (_, index) => ({
      kind: 'podcast',
      collectionName: `Show ${index}`,
      feedUrl: `https://feeds.example.com/${index}`,
    }));
    const podcasts = normaliseItunes({ results: [null, 3, [], { kind: 'podcast' }, ...good] });
    expect(podcasts).toHaveLength(50);
    expect(podcasts[0]?.title).toBe('Show 0');
  });
});

describe('plainText', () => {
  it('turns HTML and entities into plain words', () => {
    expect(plainText('<b>Bold</b> &amp; Beautiful <script>alert(1)</script>Tonight', 200)).toBe(
      'Bold & Beautiful Tonight',
    );
    expect(plainText('Studio &quot;Loud&quot; <i>Ltd</i>', 200)).toBe('Studio "Loud" Ltd');
    expect(plainText('&lt;script&gt;x&lt;/script&gt;', 200)).toBe('<script>x</script>');
  });

  it('removes control characters and bidi overrides, and caps the length', () => {
    expect(plainText('Evil\u202egnp.exe\u0000 show\n\tname', 200)).toBe('Evilgnp.exe show name');
    expect(plainText('x'.repeat(10_000), 20)).toBe(`${'x'.repeat(19)}…`);
    expect(plainText({ label: 'object' }, 20)).toBe('');
  });
});

describe('normaliseChart', () => {
  const entry = (id: string, name: string) => ({
    'im:name': { label: name },
    'im:image': [
      { label: 'https://is1.example.com/55x55bb.png', attributes: { height: '55' } },
      { label: 'https://is1.example.com/170x170bb.png', attributes: { height: '170' } },
      { label: 'https://is1.example.com/60x60bb.png', attributes: { height: '60' } },
    ],
    'im:artist': { label: 'Artist' },
    id: { label: `https://podcasts.apple.com/id${id}`, attributes: { 'im:id': id } },
    category: { attributes: { 'im:id': '1310', term: 'Music', label: 'Music' } },
  });

  it('reads entries in chart order with the largest image', () => {
    const entries = normaliseChart({
      feed: { entry: [entry('11', 'First'), entry('22', 'Second')] },
    });
    expect(entries).toEqual([
      {
        appleId: 11,
        title: 'First',
        author: 'Artist',
        artworkUrl: 'https://is1.example.com/170x170bb.png',
        genre: 'Music',
        description: undefined,
      },
      expect.objectContaining({ appleId: 22, title: 'Second' }),
    ]);
  });

  it('reads a chart of one (an object) and of none (no entry)', () => {
    expect(normaliseChart({ feed: { entry: entry('11', 'Only') } })).toHaveLength(1);
    expect(normaliseChart({ feed: { author: {} } })).toEqual([]);
  });

  it('reads the marketing-tools shape too', () => {
    const entries = normaliseChart({
      feed: {
        results: [
          {
            id: '1535809341',
            name: 'The Joe Example Podcast',
            artistName: 'Example Network',
            artworkUrl100: 'https://is1.example.com/100x100bb.png',
            genres: [{ genreId: '1310', name: 'Music' }],
          },
        ],
      },
    });
    expect(entries[0]).toMatchObject({ appleId: 1535809341, genre: 'Music' });
  });

  it('drops entries without an id or a name, and repeats', () => {
    const noId = { ...entry('11', 'x'), id: { attributes: { 'im:id': 'abc' } } };
    const entries = normaliseChart({
      feed: { entry: [noId, entry('22', ''), entry('33', 'Kept'), entry('33', 'Again')] },
    });
    expect(entries.map((found) => found.title)).toEqual(['Kept']);
  });

  it.each([null, { feed: 'x' }, { feed: { entry: 'x' } }])('refuses %j as malformed', (json) => {
    expect(() => normaliseChart(json)).toThrow(MalformedAnswer);
  });
});

describe('Podcast Index', () => {
  it('signs a request as documented: sha1(key + secret + date) in lower-case hex', () => {
    const headers = podcastIndexHeaders(
      { key: 'UXKCGDSYGUUEVQJSYDZH', secret: 'yzJe|' },
      1_600_000_000_900,
    );
    expect(headers).toEqual({
      'User-Agent': 'Longwave/1 (podcast app)',
      'X-Auth-Key': 'UXKCGDSYGUUEVQJSYDZH',
      'X-Auth-Date': '1600000000',
      // printf '%s' 'UXKCGDSYGUUEVQJSYDZHyzJe|1600000000' | sha1sum
      Authorization: 'd54c48964e4e2795c13524a3b0c1abc6f42e4316',
    });
  });

  it('addresses search/byterm below /api/1.0, whether or not the base says it', () => {
    expect(podcastIndexSearchUrl(new URL('https://api.podcastindex.org'), 'a b').href).toBe(
      'https://api.podcastindex.org/api/1.0/search/byterm?q=a+b&max=50',
    );
    expect(podcastIndexSearchUrl(new URL('http://127.0.0.1:9/api/1.0/'), 'x').pathname).toBe(
      '/api/1.0/search/byterm',
    );
  });

  it('reads feeds: artwork, first category, count, description as plain text; not dead ones', () => {
    const podcasts = normalisePodcastIndex({
      status: 'true',
      feeds: [
        {
          id: 75075,
          title: 'Batman Example University',
          url: 'https://feeds.example.com/batman',
          author: '',
          ownerName: 'The Example',
          image: 'https://img.example.com/small.jpg',
          artwork: 'https://img.example.com/big.jpg',
          description: '<p>A <em>seasonal</em> podcast.</p>',
          itunesId: 1441923632,
          episodeCount: 19,
          categories: { '104': 'Tv', '105': 'Film' },
          dead: 0,
        },
        { id: 2, title: 'Dead', url: 'https://dead.example.com/feed', dead: 1 },
      ],
      count: 2,
    });
    expect(podcasts).toEqual([
      {
        feedUrl: 'https://feeds.example.com/batman',
        title: 'Batman Example University',
        author: 'The Example',
        artworkUrl: 'https://img.example.com/big.jpg',
        genre: 'Tv',
        episodeCount: 19,
        description: 'A seasonal podcast.',
        appleId: 1441923632,
        podcastIndexId: 75075,
        sources: ['podcastindex'],
      },
    ]);
  });

  it('refuses an answer without feeds as malformed', () => {
    expect(() => normalisePodcastIndex({ status: 'false', description: 'x' })).toThrow(
      MalformedAnswer,
    );
  });
});

describe('mergeByFeed', () => {
  const podcast = (fields: Partial<DirectoryPodcast>): DirectoryPodcast => ({
    feedUrl: 'https://feeds.example.com/a.xml',
    title: 'A',
    author: '',
    sources: ['apple'],
    ...fields,
  });

  it('treats scheme, www, host case and a trailing slash as the same feed', () => {
    expect(feedKey('http://www.Feeds.Example.com/a.xml/')).toBe(
      feedKey('https://feeds.example.com/a.xml'),
    );
    expect(feedKey('https://feeds.example.com/a.xml?x=1')).not.toBe(
      feedKey('https://feeds.example.com/a.xml'),
    );
  });

  it('keeps the first list in order, fills its gaps from the second, appends what is new', () => {
    const merged = mergeByFeed([
      [podcast({ title: 'A' }), podcast({ feedUrl: 'https://b.example/feed', title: 'B' })],
      [
        podcast({
          feedUrl: 'http://www.feeds.example.com/a.xml/',
          title: 'A (index)',
          author: 'Author',
          episodeCount: 5,
          artworkUrl: 'https://img.example/a.jpg',
          sources: ['podcastindex'],
        }),
        podcast({ feedUrl: 'https://c.example/feed', title: 'C', sources: ['podcastindex'] }),
      ],
    ]);
    expect(merged.map((found) => found.title)).toEqual(['A', 'B', 'C']);
    expect(merged[0]).toMatchObject({
      feedUrl: 'https://feeds.example.com/a.xml',
      author: 'Author',
      episodeCount: 5,
      artworkUrl: 'https://img.example/a.jpg',
      sources: ['apple', 'podcastindex'],
    });
  });

  it('matches by Apple id when the feed addresses differ', () => {
    const merged = mergeByFeed([
      [podcast({ appleId: 7 })],
      [podcast({ feedUrl: 'https://moved.example/feed', appleId: 7, sources: ['podcastindex'] })],
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.sources).toEqual(['apple', 'podcastindex']);
  });
});
