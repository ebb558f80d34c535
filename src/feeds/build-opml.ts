// The library as an OPML 2.0 subscription list that other podcast apps import.
import type { Podcast } from '../db/schema.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** OPML text listing every podcast's feed. */
export function buildOpml(
  podcasts: Pick<Podcast, 'title' | 'feedUrl' | 'link'>[],
  now = new Date(),
): string {
  const outlines = podcasts.map((podcast) => {
    const home = podcast.link ? ` htmlUrl="${escape(podcast.link)}"` : '';
    const title = escape(podcast.title);
    return `    <outline type="rss" text="${title}" title="${title}" xmlUrl="${escape(podcast.feedUrl)}"${home}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>Longwave subscriptions</title>',
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

function escape(text: string): string {
  return text.replace(/[&<>"\n\r\t]/g, (c) => ESCAPES[c] ?? c);
}
