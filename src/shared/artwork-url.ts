// The app's own address for a piece of artwork, /artwork?url=<http(s) URL>. The service worker
// answers it from Cache Storage when it can and else fetches the image (directly, or through the
// app's proxy for hosts that send no CORS headers), so the page, the player and the lock screen
// (Media Session) get a same-origin image that every engine loads offline.
import { toHttpUrl } from './url-rules.ts';

const PATH = '/artwork';

/** The same-origin address of the artwork at `url`; undefined unless `url` is http(s). */
export function artworkSrc(url: string | undefined): string | undefined {
  const target = toHttpUrl(url);
  if (!target) return undefined;
  return new URL(`${PATH}?url=${encodeURIComponent(target)}`, self.location.origin).href;
}

/** The artwork URL an address made by `artworkSrc` stands for; undefined for any other address. */
export function artworkTargetOf(address: URL): string | undefined {
  if (address.origin !== self.location.origin || address.pathname !== PATH) return undefined;
  return toHttpUrl(address.searchParams.get('url'));
}
