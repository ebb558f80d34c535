// Show notes come from strangers: DOMPurify strips scripts and handlers; links open safely.
import DOMPurify from 'dompurify';
import { toHttpUrl } from '../shared/url-rules.ts';

const purifier = DOMPurify();

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = toHttpUrl(node.getAttribute('href'));
    if (href) {
      node.setAttribute('href', href);
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    } else {
      node.removeAttribute('href');
    }
  }
  if (node.hasAttribute('src') && !toHttpUrl(node.getAttribute('src'))) node.removeAttribute('src');
});

/** Safe HTML for show notes: no scripts, no event handlers, only http(s) links and images. */
export function sanitizeHtml(html: string): string {
  return purifier.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
  });
}
