import { expect, it } from 'vitest';
import { sanitizeHtml } from '../../../src/feeds/sanitize-html.ts';

it('removes scripts, event handlers and non-http links', () => {
  const html = sanitizeHtml(
    '<p onclick="x()">Hi<script>alert(1)</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">j</a><a href="data:text/html,x">d</a></p>',
  );
  expect(html).not.toMatch(/script|onclick|onerror|javascript:|data:/i);
  expect(html).toContain('Hi');
});

it('opens http links in a new tab without giving it the opener', () => {
  const html = sanitizeHtml('<a href="https://example.org/x">x</a>');
  const link = new DOMParser().parseFromString(html, 'text/html').querySelector('a');
  expect(link?.getAttribute('href')).toBe('https://example.org/x');
  expect(link?.getAttribute('target')).toBe('_blank');
  expect(link?.getAttribute('rel')).toContain('noopener');
});
