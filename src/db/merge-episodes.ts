// Matching a feed's episodes to the stored ones, so a known episode keeps its id (and with it its
// download, played mark and position) and a new one gets one: the rule every feed write follows.
import type { EpisodeSnapshot } from './feed-snapshot.ts';
import type { Episode } from './schema.ts';

/**
 * Matches each incoming episode to a stored one by GUID, then by enclosure URL (hosts that change
 * GUIDs on migration), so a known episode keeps its id, and with it its download, and whatever
 * the listener did (played, position): the stored record is the base the feed's fields overwrite.
 * Episodes the feed no longer lists are kept. Only records whose feed fields changed are written,
 * found by comparing those fields (a handful of strings and numbers each), not whole records.
 */
export function mergeEpisodes(
  known: Episode[],
  incoming: EpisodeSnapshot[],
  podcastId: string,
): { changed: Episode[]; added: Episode[] } {
  const byGuid = new Map(known.map((episode) => [episode.guid, episode]));
  const byUrl = new Map(known.map((episode) => [episode.enclosure?.url, episode]));
  // GUID matches first, across the whole feed, so no item takes another's record by URL.
  const matches = incoming.map((episode) => byGuid.get(episode.guid));
  const claimed = new Set(matches.map((match) => match?.id));
  incoming.forEach((episode, index) => {
    const byEnclosure = episode.enclosure && byUrl.get(episode.enclosure.url);
    if (!matches[index] && byEnclosure && !claimed.has(byEnclosure.id)) {
      matches[index] = byEnclosure;
      claimed.add(byEnclosure.id);
    }
  });
  const changed: Episode[] = [];
  const added: Episode[] = [];
  incoming.forEach((episode, index) => {
    const match = matches[index];
    const next: Episode = { ...match, ...episode, id: match?.id ?? crypto.randomUUID(), podcastId };
    if (!match) added.push(next);
    if (!match || !sameFeedFields(match, next)) changed.push(next);
  });
  return { changed, added };
}

/** Every field a feed sets on an episode; the compiler insists the list stays complete. */
const FEED_FIELDS = Object.keys({
  guid: true,
  title: true,
  descriptionHtml: true,
  publishedAt: true,
  durationSeconds: true,
  artworkUrl: true,
  enclosure: true,
  link: true,
  chaptersUrl: true,
  transcripts: true,
  persons: true,
} satisfies Record<keyof EpisodeSnapshot, true>) as (keyof EpisodeSnapshot)[];

/** Whether the feed's fields of two versions of an episode are equal. */
export function sameFeedFields(a: EpisodeSnapshot, b: EpisodeSnapshot): boolean {
  return FEED_FIELDS.every((field) => sameValue(a[field], b[field]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameValue(left[key], right[key]));
}
