// The Podcasting 2.0 tags the app shows: funding, person, transcript and chapters. Only http(s)
// URLs survive; everything else in the namespace (value, locked, soundbite…) is ignored.
import type { Episode, Podcast } from '../db/schema.ts';
import { toHttpUrl } from '../shared/url-rules.ts';
import { plainText } from './plain-text.ts';
import { attr, child, children, PODCAST, textOf } from './xml-helpers.ts';
import type { XmlElement } from './xml-tree.ts';

type Persons = NonNullable<Podcast['persons']>;

/** podcast:funding links, or undefined when there are none. */
export function parseFunding(parent: XmlElement, base: string): Podcast['funding'] {
  const funding = children(parent, 'funding', PODCAST).flatMap((element) => {
    const url = toHttpUrl(attr(element, 'url'), base);
    return url ? [{ url, label: plainText(textOf(element)) ?? 'Support the show' }] : [];
  });
  return funding.length > 0 ? funding : undefined;
}

/** podcast:person credits, or undefined when there are none. */
export function parsePersons(parent: XmlElement, base: string): Persons | undefined {
  const persons = children(parent, 'person', PODCAST).flatMap((element): Persons => {
    const name = plainText(textOf(element));
    if (!name) return [];
    return [
      {
        name,
        role: attr(element, 'role')?.toLowerCase(),
        href: toHttpUrl(attr(element, 'href'), base),
        img: toHttpUrl(attr(element, 'img'), base),
      },
    ];
  });
  return persons.length > 0 ? persons : undefined;
}

/** An item's transcripts and chapters. */
export function parseEpisodeExtras(
  item: XmlElement,
  base: string,
): Pick<Episode, 'transcripts' | 'chaptersUrl'> {
  const transcripts = children(item, 'transcript', PODCAST).flatMap((element) => {
    const url = toHttpUrl(attr(element, 'url'), base);
    if (!url) return [];
    return [
      { url, type: attr(element, 'type') ?? 'text/plain', language: attr(element, 'language') },
    ];
  });
  return {
    transcripts: transcripts.length > 0 ? transcripts : undefined,
    chaptersUrl: toHttpUrl(attr(child(item, 'chapters', PODCAST), 'url'), base),
  };
}
