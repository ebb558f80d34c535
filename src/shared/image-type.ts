// What an upstream answer for artwork really is. Hosts send vague or wrong types and captive
// portals answer 200 with a web page, so the first bytes decide; only raster formats every engine
// draws are accepted (never SVG: it can carry script, and it would be served from the app's origin).

/** The image type the bytes start with, or undefined when they are not PNG, JPEG, GIF, WebP or AVIF. */
export function sniffImageType(head: Uint8Array): string | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  const starts = (...bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return 'image/avif';
  return undefined;
}

/**
 * Whether a declared Content-Type may hold artwork: an image type, a vague one (octet-stream,
 * none), but never a document (a web page in place of the image is refused before it is read).
 */
export function mayBeImage(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (
    type === '' ||
    (type.startsWith('image/') && !type.startsWith('image/svg')) ||
    type === 'application/octet-stream' ||
    type === 'binary/octet-stream'
  );
}
