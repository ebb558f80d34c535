// The fixture corpus in tests/fixtures/feeds: each feed with the results an independent reader
// expects (see expected-from-elementtree.py and the hand-written quirk expectations).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { FeedSnapshot } from '../../../../src/db/feed-snapshot.ts';

const ROOT = 'tests/fixtures/feeds';

/**
 * The address a fixture is read as. Real-world feeds use absolute URLs only. Quirk feeds resolve
 * their relative URLs against https://feed-host.example/quirks/<file>, a host no fixture names,
 * so browser tests can swap in their own server's origin for it.
 */
export function feedUrlFor(folder: string, name: string): string {
  return folder === 'quirks'
    ? `https://feed-host.example/quirks/${name}`
    : `https://feeds.example/${name}`;
}

/** What every fixture's expected file states. */
export interface ExpectedFeed {
  podcastTitle: string;
  episodes: {
    guid: string;
    title: string;
    enclosureUrl: string | null;
    durationSeconds: number | null;
  }[];
}

/** Fixture file names (`*.xml`) in a corpus folder. */
export function feedFiles(folder: 'real-world' | 'quirks'): string[] {
  return readdirSync(`${ROOT}/${folder}`)
    .filter((name) => name.endsWith('.xml'))
    .sort();
}

/** A fixture's raw bytes, by folder and name or by its path under tests/fixtures/feeds. */
export function feedBytes(folderOrPath: string, name?: string): Uint8Array {
  const path = name === undefined ? folderOrPath : `${folderOrPath}/${name}`;
  return new Uint8Array(readFileSync(`${ROOT}/${path}`));
}

/** Every feed-like file under tests/fixtures/feeds (feeds, web pages, peers' inputs), sorted. */
export function allFixtures(dir = ''): string[] {
  return readdirSync(dir ? `${ROOT}/${dir}` : ROOT)
    .sort()
    .flatMap((name) => {
      const path = dir ? `${dir}/${name}` : name;
      if (statSync(`${ROOT}/${path}`).isDirectory()) return allFixtures(path);
      return /\.(xml|html|rss|atom)$/.test(name) ? [path] : [];
    });
}

/** The address any fixture is read as (see feedUrlFor; peers' files keep their folders). */
export function fixtureUrl(path: string): string {
  const [folder = '', ...rest] = path.split('/');
  if (folder === 'peers') return `https://feeds.example/${path}`;
  return feedUrlFor(folder, rest.join('/'));
}

/** A fixture's expected results. */
export function expectedFeed(folder: string, name: string): ExpectedFeed {
  const path = `${ROOT}/${folder}/${name.replace(/\.xml$/, '.expected.json')}`;
  return JSON.parse(readFileSync(path, 'utf8')) as ExpectedFeed;
}

/** The parts of a parsed feed the expected files state, in the same shape. */
export function comparable(feed: FeedSnapshot): ExpectedFeed {
  return {
    podcastTitle: feed.podcast.title,
    episodes: feed.episodes.map((episode) => ({
      guid: episode.guid,
      title: episode.title,
      enclosureUrl: episode.enclosure?.url ?? null,
      durationSeconds: episode.durationSeconds ?? null,
    })),
  };
}
