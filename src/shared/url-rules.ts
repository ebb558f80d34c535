// Which URLs the app may fetch or link: only http(s), whatever a feed says.

/** Parses `value` (relative to `base` when given) and returns it only if it is http(s). */
export function toHttpUrl(value: string | null | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** True for absolute http(s) URLs. */
export function isHttpUrl(value: string): boolean {
  return toHttpUrl(value) !== undefined;
}
