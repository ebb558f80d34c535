// Media RSS (media:content, media:group, media:thumbnail, media:title) and the iTunes image:
// feeds that carry their audio in media:content instead of <enclosure>, and artwork as
// media:thumbnail or itunes:image (with href, or url as some hosts write it).
import type { Enclosure } from '../db/schema.ts';
import { toHttpUrl } from '../shared/url-rules.ts';
import { bestEnclosure, isPlayable, toEnclosure } from './enclosure.ts';
import { parseDuration } from './parse-duration.ts';
import { attr, child, children, childText, ITUNES, MEDIA } from './xml-helpers.ts';
import type { XmlElement } from './xml-tree.ts';

/** media:content of `parent`, directly or inside media:group. */
function mediaContents(parent: XmlElement): XmlElement[] {
  const groups = children(parent, 'group', MEDIA);
  return [
    ...children(parent, 'content', MEDIA),
    ...groups.flatMap((group) => children(group, 'content', MEDIA)),
  ];
}

/** The media:content to play as an enclosure, with its duration when it gives one. */
export function mediaEnclosure(
  parent: XmlElement,
  base: string,
): { enclosure: Enclosure; durationSeconds?: number } | undefined {
  const candidates = mediaContents(parent).map((content) => {
    const type = attr(content, 'type');
    const medium = attr(content, 'medium');
    // Untyped content is assumed to be audio only when nothing says it is something else.
    if (!isPlayable(type, medium) && (type || medium)) return undefined;
    const enclosure = toEnclosure(
      attr(content, 'url'),
      type,
      attr(content, 'fileSize') ?? attr(content, 'filesize'),
      base,
    );
    return enclosure && { enclosure, content };
  });
  const enclosure = bestEnclosure(candidates.map((candidate) => candidate?.enclosure));
  const chosen = candidates.find((candidate) => candidate?.enclosure === enclosure);
  if (!enclosure || !chosen) return undefined;
  return { enclosure, durationSeconds: parseDuration(attr(chosen.content, 'duration')) };
}

/** media:thumbnail of `parent`, its media:group or its media:content. */
export function mediaThumbnail(parent: XmlElement, base: string): string | undefined {
  const group = child(parent, 'group', MEDIA);
  const thumbnail =
    child(parent, 'thumbnail', MEDIA) ??
    (group && child(group, 'thumbnail', MEDIA)) ??
    mediaContents(parent)
      .map((content) => child(content, 'thumbnail', MEDIA))
      .find(Boolean);
  return toHttpUrl(attr(thumbnail, 'url'), base);
}

/** media:title of `parent` or its media:group. */
export function mediaTitle(parent: XmlElement): string | undefined {
  const group = child(parent, 'group', MEDIA);
  return childText(parent, 'title', MEDIA) ?? (group && childText(group, 'title', MEDIA));
}

/** itunes:image's href, or its url as some hosts write it. */
export function itunesImage(parent: XmlElement, base: string): string | undefined {
  const image = child(parent, 'image', ITUNES);
  return toHttpUrl(attr(image, 'href'), base) ?? toHttpUrl(attr(image, 'url'), base);
}
