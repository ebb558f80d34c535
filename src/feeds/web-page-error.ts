// A web page where a feed was expected: the error names the feed the page links to, if it links
// to one (<link rel="alternate" type="application/rss+xml">), found with htmlparser2's HTML
// tokenizer rather than a DOM, so it works in workers too.
import { Parser } from 'htmlparser2';
import { toHttpUrl } from '../shared/url-rules.ts';
import { FeedError } from './feed-error.ts';

/** A FeedError('html') for `html` fetched from `pageUrl`, naming the page's feed when it has one. */
export function webPageError(html: string, pageUrl: string): FeedError {
  const feed = toHttpUrl(feedLink(html), pageUrl);
  const hint = feed
    ? ` The page names a feed at ${feed}: try that address.`
    : " If this Wi-Fi asks you to sign in, sign in and try again; otherwise look on the podcast's site for its RSS feed address.";
  return new FeedError('html', `This address is a web page, not a podcast feed.${hint}`);
}

/**
 * The words for a web page met where a subscribed feed used to be: a captive portal or an error
 * page served with 200 far more often than a feed that turned into a site.
 */
export const REFRESH_WEB_PAGE_MESSAGE =
  "The network answered with a web page instead of the podcast's feed — are you signed in to this Wi-Fi? Nothing in your library was changed.";

/** The href of the page's first alternate link to an RSS or Atom feed. */
function feedLink(html: string): string | undefined {
  let href: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (href !== undefined || name !== 'link') return;
      const rels = (attributes.rel ?? '').toLowerCase().split(/[\t\n\f\r ]+/);
      const type = (attributes.type ?? '').toLowerCase();
      if (rels.includes('alternate') && (type.includes('rss') || type.includes('atom'))) {
        href = attributes.href ?? '';
      }
    },
  });
  parser.end(html);
  return href;
}
