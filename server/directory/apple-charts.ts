// Apple's top-podcasts chart, addressed by store country and genre:
//   {base}/{country}/rss/toppodcasts/limit={n}/genre={id}/json
// It answers { feed: { entry: [...] } } where each entry has im:name, im:artist, im:image (55, 60
// and 170 px), category and id.attributes["im:id"], the Apple id; and no feed address, which
// /lookup gives. A chart of one entry has `entry` as an object, of none no `entry` at all. The newer
// marketing-tools shape ({ feed: { results: [{ id, name, artistName, artworkUrl100, genres }] } })
// is read too, so a base pointed at that service still works for the all-genres chart.
import { MAX_RESULTS } from './directory-podcast.ts';
import { MalformedAnswer } from './directory-failure.ts';
import { joinUrl } from './join-url.ts';
import { plainText } from './plain-text.ts';
import { httpUrl, numericId } from './safe-url.ts';

/** Apple's id for "all podcasts", the chart with no genre. */
export const ALL_GENRES = 26;

/** One place in the chart, before lookup adds the feed. */
export interface ChartEntry {
  appleId: number;
  title: string;
  author: string;
  artworkUrl?: string;
  genre?: string;
  description?: string;
}

/** The chart's address for a store country (two letters) and genre id. */
export function appleChartUrl(base: URL, country: string, genre: number): URL {
  const genrePart = genre === ALL_GENRES ? '' : `/genre=${genre}`;
  return joinUrl(base, `${country}/rss/toppodcasts/limit=${MAX_RESULTS}${genrePart}/json`);
}

/** The chart's entries in order; throws MalformedAnswer when the answer is not a chart. */
export function normaliseChart(json: unknown): ChartEntry[] {
  const feed = (json as { feed?: unknown } | null)?.feed;
  if (!feed || typeof feed !== 'object') throw new MalformedAnswer('Apple Podcasts charts');
  const { entry, results } = feed as { entry?: unknown; results?: unknown };
  if (Array.isArray(results)) return pick(results, marketingEntry);
  if (entry === undefined) return [];
  if (Array.isArray(entry)) return pick(entry, rssEntry);
  if (typeof entry === 'object') return pick([entry], rssEntry);
  throw new MalformedAnswer('Apple Podcasts charts');
}

function pick(list: unknown[], read: (value: Record<string, unknown>) => ChartEntry | undefined) {
  const entries: ChartEntry[] = [];
  const seen = new Set<number>();
  for (const value of list.slice(0, MAX_RESULTS * 4)) {
    const entry =
      value && typeof value === 'object' ? read(value as Record<string, unknown>) : undefined;
    if (!entry || seen.has(entry.appleId)) continue;
    seen.add(entry.appleId);
    entries.push(entry);
    if (entries.length === MAX_RESULTS) break;
  }
  return entries;
}

/** A value's `label` ({ label: "…" } is how the RSS shape wraps every string). */
const label = (value: unknown): unknown => (value as { label?: unknown } | null)?.label;
const attributes = (value: unknown): Record<string, unknown> =>
  ((value as { attributes?: unknown } | null)?.attributes as Record<string, unknown>) ?? {};

function rssEntry(entry: Record<string, unknown>): ChartEntry | undefined {
  const appleId = numericId(attributes(entry.id)['im:id']);
  const title = plainText(label(entry['im:name']), 200);
  if (!appleId || !title) return undefined;
  const images = Array.isArray(entry['im:image']) ? entry['im:image'] : [];
  // The largest image: they come smallest first, but trust the stated height over the order.
  const largest = [...images].sort(
    (a, b) => Number(attributes(b).height) - Number(attributes(a).height),
  );
  return {
    appleId,
    title,
    author: plainText(label(entry['im:artist']), 120),
    artworkUrl: largest.map((image) => httpUrl(label(image))).find(Boolean),
    genre: plainText(attributes(entry.category).label, 60) || undefined,
    description: plainText(label(entry.summary), 500) || undefined,
  };
}

function marketingEntry(entry: Record<string, unknown>): ChartEntry | undefined {
  const appleId = numericId(entry.id);
  const title = plainText(entry.name, 200);
  if (!appleId || !title) return undefined;
  const [genre] = Array.isArray(entry.genres) ? (entry.genres as unknown[]) : [];
  return {
    appleId,
    title,
    author: plainText(entry.artistName, 120),
    artworkUrl: httpUrl(entry.artworkUrl100),
    genre: plainText((genre as { name?: unknown } | undefined)?.name, 60) || undefined,
  };
}
