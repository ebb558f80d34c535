// What a person pastes into Feed URL, made into an absolute http(s) address: surrounding spaces,
// the feed:/itpc:/pcast: schemes podcast directories use, and a missing https://.
import { toHttpUrl } from '../shared/url-rules.ts';
import { FeedError } from './feed-error.ts';

const PODCAST_SCHEME = /^(?:feed|itpc|pcast|podcast):(?:\/\/)?/i;

/** The http(s) address for `input`; throws FeedError('bad-url') with words saying why not. */
export function feedAddress(input: string): string {
  let text = input.trim();
  if (!text) throw new FeedError('bad-url', 'Paste the address of a podcast feed first.');
  if (PODCAST_SCHEME.test(text)) {
    text = text.replace(PODCAST_SCHEME, '');
    if (!/^https?:/i.test(text)) text = `https://${text}`;
  } else if (!/^[a-z][a-z0-9+.-]*:/i.test(text) && /^[^\s/]+\.[^\s/]+(\/\S*)?$/.test(text)) {
    text = `https://${text}`;
  }
  const url = toHttpUrl(text);
  if (!url || !new URL(url).hostname) {
    throw new FeedError(
      'bad-url',
      'That is not a feed address. It must start with http:// or https://, like https://example.com/feed.xml.',
    );
  }
  return url;
}
