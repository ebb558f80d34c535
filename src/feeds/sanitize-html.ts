// Show notes come from strangers: DOMPurify strips scripts, event handlers, styles, forms, frames,
// SVG and MathML; links and images keep only http(s) URLs (relative ones resolve against the feed);
// links open in a new tab without the opener or a referrer; images load lazily without a referrer.
import DOMPurify from 'dompurify';
import { toHttpUrl } from '../shared/url-rules.ts';

const purifier = DOMPurify();
const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'template']
  .concat(['iframe', 'frame', 'object', 'embed', 'audio', 'video', 'source', 'track'])
  .concat(['link', 'meta', 'base']);
// The feed URL relative links resolve against, set for the duration of one synchronous sanitize.
let baseUrl: string | undefined;

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.hasAttribute('href')) {
    const href = toHttpUrl(node.getAttribute('href'), baseUrl);
    if (href && node.tagName === 'A') {
      node.setAttribute('href', href);
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    } else {
      node.removeAttribute('href');
    }
  }
  if (node.hasAttribute('src')) {
    const src = toHttpUrl(node.getAttribute('src'), baseUrl);
    if (src) node.setAttribute('src', src);
    else node.removeAttribute('src');
  }
  if (node.tagName === 'IMG') {
    node.setAttribute('loading', 'lazy');
    node.setAttribute('referrerpolicy', 'no-referrer');
  }
});

/** Safe HTML: no scripts, no event handlers, only http(s) links and images. */
export function sanitizeHtml(html: string, base?: string): string {
  baseUrl = base;
  try {
    return purifier.sanitize(html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS,
      FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'background', 'poster', 'ping'],
      ALLOW_DATA_ATTR: false,
      SANITIZE_NAMED_PROPS: true,
    });
  } finally {
    baseUrl = undefined;
  }
}

/** Show notes as safe HTML; plain-text notes keep their line breaks. */
export function showNotesHtml(notes: string, base?: string): string {
  const html = /<[a-z!/]/i.test(notes) ? notes : notes.replace(/\r?\n/g, '<br>');
  return sanitizeHtml(html, base);
}
