// Show notes through the sanitiser: what survives, what is removed, and how links are rewritten.
import { expect, it } from 'vitest';
import { showNotesHtml } from '../../../../src/feeds/sanitize-html.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;

it('resolves relative links and images against the feed and opens links safely', () => {
  const body = parse(
    showNotesHtml('<a href="/ep/1">one</a><img src="art.png">', 'https://f.example/pod/feed.xml'),
  );
  expect(body.querySelector('a')?.getAttribute('href')).toBe('https://f.example/ep/1');
  expect(body.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  expect(body.querySelector('img')?.getAttribute('src')).toBe('https://f.example/pod/art.png');
  expect(body.querySelector('img')?.getAttribute('referrerpolicy')).toBe('no-referrer');
});

it('keeps the line breaks of plain-text notes', () => {
  expect(showNotesHtml('one\ntwo')).toBe('one<br>two');
});

it('removes active content, forms, frames, media, styles and non-http URLs', () => {
  const html = showNotesHtml(
    '<p>ok</p><script>x()</script><iframe src="https://e.example"></iframe><form action="/x"><input></form>' +
      '<audio src="https://e.example/a.mp3"></audio><style>p{}</style><p style="color:red" onclick="x()">s</p>' +
      '<svg><a href="https://e.example">svg</a></svg><img src="data:image/png;base64,AAAA"><a href="mailto:a@b.c">mail</a>' +
      '<img srcset="https://e.example/a.png 1x" src="https://e.example/b.png">',
  );
  expect(html).not.toMatch(
    /script|iframe|form|input|audio|style|onclick|svg|data:|mailto:|srcset/i,
  );
  expect(html).toContain('<p>ok</p>');
  expect(html).toContain('src="https://e.example/b.png"');
});
