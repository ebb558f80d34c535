// One Background Fetch registration per episode; its id carries the episode id.

const PREFIX = 'episode:';

/** The Background Fetch id for an episode's download. */
export function backgroundFetchId(episodeId: string): string {
  return PREFIX + episodeId;
}

/** The episode id inside a Background Fetch id, or undefined for fetches that are not ours. */
export function episodeIdOf(fetchId: string): string | undefined {
  return fetchId.startsWith(PREFIX) ? fetchId.slice(PREFIX.length) : undefined;
}
