// Where a directory result leads: its preview, addressed by feed, so a reload shows it again.

/** The preview page of the podcast at `feedUrl`. */
export function previewHref(feedUrl: string): string {
  return `/discover/podcast?feed=${encodeURIComponent(feedUrl)}`;
}
