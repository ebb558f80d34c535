// Upstream base addresses may carry a path (a self-hosted mirror at https://host/itunes): paths are
// added below it, never replacing it.

/** `base` with `path` (relative, no leading slash) appended to its path. */
export function joinUrl(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
  return url;
}
