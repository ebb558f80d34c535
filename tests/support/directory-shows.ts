// The shows the directory double lists, with the odd values real directories send: HTML in names,
// missing artwork, counts no show has, feed addresses that are not http(s) or missing, a show only
// one directory knows, a dead feed, and one show listed under two spellings of its feed address.

/** One show as the double's directories know it. */
export interface DoubleShow {
  appleId: number;
  /** Podcast Index's feed id; absent when the index does not know the show. */
  indexId?: number;
  /** Whether Apple lists it (search, lookup, charts). */
  inApple: boolean;
  title: string;
  author: string;
  /** The feed as Apple lists it; absent for shows Apple keeps to itself. */
  feedUrl?: string;
  /** The feed as Podcast Index lists it, when it spells it differently. */
  indexFeedUrl?: string;
  artworkUrl?: string;
  genreId: number;
  genre: string;
  /** Apple's trackCount, sent as given (JSON keeps huge numbers as they are written). */
  trackCount?: number | string;
  description?: string;
  /** Podcast Index's `dead` flag. */
  dead?: boolean;
}

export const COMEDY = 1303;
export const TECHNOLOGY = 1318;
export const NEWS = 1489;

/** The default catalogue. */
export const DOUBLE_SHOWS: DoubleShow[] = [
  {
    appleId: 1000000001,
    indexId: 920001,
    inApple: true,
    title: 'The Daily Example',
    author: 'Example News Desk',
    feedUrl: 'https://feeds.example.com/daily-example.xml',
    // The same feed as the index spells it: http, www, a trailing slash.
    indexFeedUrl: 'http://www.feeds.example.com/daily-example.xml/',
    artworkUrl: 'https://img.example.com/daily-example/600x600bb.jpg',
    genreId: NEWS,
    genre: 'News',
    trackCount: 1873,
    description: 'Twenty minutes a day, five days a week.',
  },
  {
    appleId: 1000000002,
    inApple: true,
    title: '<b>Bold</b> &amp; Beautiful <script>alert(1)</script>Tonight',
    author: 'Studio &quot;Loud&quot; <i>Ltd</i>',
    feedUrl: 'https://feeds.example.com/bold.xml',
    artworkUrl: 'https://img.example.com/bold/600x600bb.jpg',
    genreId: COMEDY,
    genre: 'Comedy',
    trackCount: 212,
  },
  {
    appleId: 1000000003,
    indexId: 920003,
    inApple: true,
    title: 'No Picture Hour',
    author: 'Anonymous Comedians',
    feedUrl: 'https://feeds.example.com/no-picture.xml',
    genreId: COMEDY,
    genre: 'Comedy',
    trackCount: 48,
  },
  {
    appleId: 1000000004,
    inApple: true,
    title: 'Everything Ever Recorded',
    author: 'The Archive',
    feedUrl: 'https://feeds.example.com/everything.xml',
    artworkUrl: 'https://img.example.com/everything/600x600bb.jpg',
    genreId: TECHNOLOGY,
    genre: 'Technology',
    trackCount: '99999999999999999999',
  },
  {
    appleId: 1000000005,
    inApple: true,
    title: 'Old School Feed Scheme',
    author: 'Retro Radio',
    feedUrl: 'itpc://feeds.example.com/retro.xml',
    genreId: TECHNOLOGY,
    genre: 'Technology',
    trackCount: 12,
  },
  {
    appleId: 1000000006,
    inApple: true,
    title: 'Scripted Feed Address',
    author: 'Nobody Good',
    feedUrl: 'javascript:alert(document.cookie)',
    artworkUrl: 'javascript:alert(1)',
    genreId: TECHNOLOGY,
    genre: 'Technology',
  },
  {
    appleId: 1000000007,
    inApple: true,
    title: 'Apple Exclusive Premium',
    author: 'Walled Garden Media',
    genreId: COMEDY,
    genre: 'Comedy',
    trackCount: 30,
  },
  {
    appleId: 1000000008,
    indexId: 920008,
    inApple: false,
    title: 'Independent Example Radio',
    author: 'A Person In A Shed',
    feedUrl: 'https://indie.example.org/feed.rss',
    artworkUrl: 'https://indie.example.org/cover.png',
    genreId: TECHNOLOGY,
    genre: 'Technology',
    trackCount: 77,
    description: '<p>Made at home, <em>weekly</em>.</p>',
  },
  {
    appleId: 1000000009,
    indexId: 920009,
    inApple: false,
    title: 'Dead Example Feed',
    author: 'Gone Away',
    feedUrl: 'https://dead.example.org/feed.rss',
    genreId: NEWS,
    genre: 'News',
    dead: true,
  },
];
