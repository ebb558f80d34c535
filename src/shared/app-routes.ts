// Addresses inside the app that both the page and the service worker build.

/** A podcast's page, scrolled to one of its episodes. */
export function episodeHref(podcastId: string, episodeId: string): string {
  return `/podcast/${encodeURIComponent(podcastId)}?episode=${encodeURIComponent(episodeId)}`;
}

/** Where the Downloads view lives. */
export const DOWNLOADS_HREF = '/downloads';

/** An episode's own page: its show notes, links and actions. */
export function episodePageHref(episodeId: string): string {
  return `/episode/${encodeURIComponent(episodeId)}`;
}

/** The Discover preview of the podcast at `feedUrl`, addressed by feed so a reload shows it again. */
export function previewHref(feedUrl: string): string {
  return `/discover/podcast?feed=${encodeURIComponent(feedUrl)}`;
}
