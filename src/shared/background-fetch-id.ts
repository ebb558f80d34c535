// One Background Fetch registration per download attempt; its id carries the episode id and the
// attempt's generation, so an event from an older attempt is known for what it is.

const PREFIX = 'episode:';

/** The Background Fetch id for attempt `generation` of an episode's download. */
export function backgroundFetchId(episodeId: string, generation: number): string {
  return `${PREFIX}${generation}:${episodeId}`;
}

/**
 * The episode id and generation in a Background Fetch id; undefined for fetches that are not ours.
 * An id from before generations (`episode:<id>`) is generation 0.
 */
export function parseBackgroundFetchId(
  fetchId: string,
): { episodeId: string; generation: number } | undefined {
  if (!fetchId.startsWith(PREFIX)) return undefined;
  const rest = fetchId.slice(PREFIX.length);
  const match = /^(\d+):(.+)$/.exec(rest);
  if (match) return { generation: Number(match[1]), episodeId: match[2]! };
  return rest ? { episodeId: rest, generation: 0 } : undefined;
}
