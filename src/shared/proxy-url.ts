// The app server's proxy (server/proxy) for hosts that send no CORS headers: feeds and media alike.

/** `url` fetched through the app's own `/proxy` route, on this page's or worker's origin. */
export function proxiedUrl(url: string): string {
  return new URL(`/proxy?url=${encodeURIComponent(url)}`, self.location.origin).href;
}

/** Whether `url` is already an address of the app's proxy. */
export function isProxiedUrl(url: string): boolean {
  return url.startsWith(new URL('/proxy?', self.location.origin).href);
}
