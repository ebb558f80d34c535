// Media RSS (media:content, media:group, media:thumbnail): feeds that carry their audio there
// instead of in <enclosure>, and artwork as media:thumbnail.
import type { Enclosure } from '../db/schema.ts';
import { toHttpUrl } from '../shared/url-rules.ts';
import { isPlayable, toEnclosure } from './enclosure.ts';
import { parseDuration } from './parse-duration.ts';
import { attr, child, children, MEDIA } from './xml-helpers.ts';
import type { XmlElement } from './xml-tree.ts';

/** media:content of `parent`, directly or inside media:group. */
function mediaContents(parent: XmlElement): XmlElement[] {
  const groups = children(parent, 'group', MEDIA);
  return [
    ...children(parent, 'content', MEDIA),
    ...groups.flatMap((group) => children(group, 'content', MEDIA)),
  ];
}

/** The first playable media:content as an enclosure, with its duration when it gives one. */
export function mediaEnclosure(
  parent: XmlElement,
  base: string,
): { enclosure: Enclosure; durationSeconds?: number } | undefined {
  for (const content of mediaContents(parent)) {
    const type = attr(content, 'type');
    const medium = attr(content, 'medium');
    // Untyped content is assumed to be audio only when nothing says it is something else.
    if (!isPlayable(type, medium) && (type || medium)) continue;
    const enclosure = toEnclosure(
      attr(content, 'url'),
      type,
      attr(content, 'fileSize') ?? attr(content, 'filesize'),
      base,
    );
    if (enclosure) {
      return { enclosure, durationSeconds: parseDuration(attr(content, 'duration')) };
    }
  }
  return undefined;
}

/** media:thumbnail of `parent` or its media:group. */
export function mediaThumbnail(parent: XmlElement, base: string): string | undefined {
  const group = child(parent, 'group', MEDIA);
  const thumbnail =
    child(parent, 'thumbnail', MEDIA) ?? (group && child(group, 'thumbnail', MEDIA));
  return toHttpUrl(attr(thumbnail, 'url'), base);
}
