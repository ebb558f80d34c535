// Directories spell one feed's address several ways (http or https, "www.", a trailing slash):
// reduced to what identifies the feed, so a result can be matched to a library subscription.

/** The part of a feed address that identifies the feed; '' for anything not a URL. */
export function feedKey(feedUrl: string): string {
  try {
    const url = new URL(feedUrl);
    const host = url.host.toLowerCase().replace(/^www\./, '');
    return `${host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  } catch {
    return '';
  }
}
