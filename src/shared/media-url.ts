// The app's own address for an episode's downloaded audio. The service worker answers it from
// storage (with Range, so seeking works offline); it is same-origin, so every engine sends the
// <audio> element's requests for it through the service worker, whatever host the episode is on.

const PREFIX = '/media/';

/** The path the player plays a downloaded episode from. */
export function mediaPath(episodeId: string): string {
  return PREFIX + encodeURIComponent(episodeId);
}

/** The episode id in a media path, or undefined for any other path. */
export function episodeIdOfMediaPath(pathname: string): string | undefined {
  if (!pathname.startsWith(PREFIX)) return undefined;
  const id = pathname.slice(PREFIX.length);
  if (!id || id.includes('/')) return undefined;
  try {
    return decodeURIComponent(id);
  } catch {
    return undefined;
  }
}
