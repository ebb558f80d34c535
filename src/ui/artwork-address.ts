// Where the page loads a piece of artwork from: the service worker's /artwork?url= address once it
// controls the page (stored for offline use, fetched through the proxy when the host sends no
// CORS headers), the image's own http(s) URL before that (the first visit, or no service worker).
import { artworkSrc } from '../shared/artwork-url.ts';
import { toHttpUrl } from '../shared/url-rules.ts';

/** The address to load the artwork at `url` from; undefined unless `url` is http(s). */
export function artworkAddress(url: string | undefined): string | undefined {
  return navigator.serviceWorker?.controller ? artworkSrc(url) : toHttpUrl(url);
}
