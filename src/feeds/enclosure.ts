// Enclosures from whichever element carries them: <enclosure>, Atom's rel="enclosure" link, or
// media:content. URLs resolve against the feed; a missing, zero or garbled length becomes 0.
// An item with several (cover art before the audio, audio and video) gives the one to play:
// audio first, then video, then anything else, never an image.
import type { Enclosure } from '../db/schema.ts';
import { toHttpUrl } from '../shared/url-rules.ts';
import { attr, children, ENC } from './xml-helpers.ts';
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
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
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

/** The <enclosure> to play (see bestEnclosure), or RSS 1.0's enc:enclosure (mod_enclosure). */
export function rssEnclosure(item: XmlElement, base: string): Enclosure | undefined {
  return bestEnclosure([
    ...children(item, 'enclosure').map((element) =>
      toEnclosure(attr(element, 'url'), attr(element, 'type'), attr(element, 'length'), base),
    ),
    ...children(item, 'enclosure', ENC).map((element) =>
      toEnclosure(
        localAttr(element, 'resource') ?? localAttr(element, 'url'),
        localAttr(element, 'type'),
        localAttr(element, 'length'),
        base,
      ),
    ),
  ]);
}

/** An attribute by local name, whatever prefix the feed gave it (rdf:resource, enc:type). */
function localAttr(element: XmlElement, local: string): string | undefined {
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name.slice(name.indexOf(':') + 1) === local && value.trim()) return value.trim();
  }
  return undefined;
}

/** The first audio enclosure, else the first video, else the first that is not an image. */
export function bestEnclosure(
  candidates: readonly (Enclosure | undefined)[],
): Enclosure | undefined {
  let best: Enclosure | undefined;
  let bestRank = 0;
  for (const candidate of candidates) {
    const rank = candidate ? playRank(candidate.type) : 0;
    if (rank > bestRank) [best, bestRank] = [candidate, rank];
  }
  return best;
}

function playRank(type: string): number {
  if (type.startsWith('audio/')) return 3;
  if (type.startsWith('video/')) return 2;
  return type.startsWith('image/') ? 0 : 1;
}

function guessType(url: string): string {
  const extension = /\.([a-z0-9]{2,4})$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return (extension && TYPES_BY_EXTENSION[extension]) || 'audio/mpeg';
}

/** True when a media type or medium names something a podcast player can play. */
export function isPlayable(type: string | undefined, medium: string | undefined): boolean {
  return /^(audio|video)\//i.test(type ?? '') || /^(audio|video)$/i.test(medium ?? '');
}
