// Enclosures from whichever element carries them: <enclosure>, Atom's rel="enclosure" link, or
// media:content. URLs resolve against the feed; a missing, zero or garbled length becomes 0.
import type { Enclosure } from '../db/schema.ts';
import { toHttpUrl } from '../shared/url-rules.ts';
import { attr, children } from './xml-helpers.ts';
import type { XmlElement } from './xml-tree.ts';

const TYPES_BY_EXTENSION: Record<string, string> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  m4b: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
};

/** An Enclosure from raw attribute values, or undefined when the URL is not http(s). */
export function toEnclosure(
  url: string | undefined,
  type: string | undefined,
  length: string | undefined,
  base: string,
): Enclosure | undefined {
  const href = toHttpUrl(url, base);
  if (!href) return undefined;
  const bytes = Number((length ?? '').replace(/[\s,]/g, ''));
  return {
    url: href,
    type: type?.toLowerCase() || guessType(href),
    length: Number.isFinite(bytes) && bytes > 0 ? Math.floor(bytes) : 0,
  };
}

/** The first <enclosure> with an http(s) URL. */
export function rssEnclosure(item: XmlElement, base: string): Enclosure | undefined {
  for (const element of children(item, 'enclosure')) {
    const enclosure = toEnclosure(
      attr(element, 'url'),
      attr(element, 'type'),
      attr(element, 'length'),
      base,
    );
    if (enclosure) return enclosure;
  }
  return undefined;
}

function guessType(url: string): string {
  const extension = /\.([a-z0-9]{2,4})$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return (extension && TYPES_BY_EXTENSION[extension]) || 'audio/mpeg';
}

/** True when a media type or medium names something a podcast player can play. */
export function isPlayable(type: string | undefined, medium: string | undefined): boolean {
  return /^(audio|video)\//i.test(type ?? '') || /^(audio|video)$/i.test(medium ?? '');
}
