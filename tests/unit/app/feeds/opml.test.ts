// @vitest-environment node
// OPML in (as other apps write it) and out (as other apps read it).
import { describe, expect, it } from 'vitest';
import { buildOpml } from '../../../../src/feeds/build-opml.ts';
import { parseOpml } from '../../../../src/feeds/parse-opml.ts';

describe('parseOpml', () => {
  it('finds feeds at any depth, in any attribute case, once each', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><body>
      <outline text="Folder"><outline text="A &amp; B" xmlUrl="https://a.example/rss"/></outline>
      <outline title="Upper" xmlURL="https://b.example/rss"/>
      <outline text="Dup" xmlurl="https://a.example/rss"/>
      <outline text="Just a folder"/>
    </body></opml>`;
    expect(parseOpml(opml)).toEqual([
      { url: 'https://a.example/rss', title: 'A & B' },
      { url: 'https://b.example/rss', title: 'Upper' },
    ]);
  });

  it('reads files with bare ampersands, and refuses what is not OPML', () => {
    expect(
      parseOpml(
        '<opml><body><outline text="Q & A" xmlUrl="https://q.example/?a=1&b=2"/></body></opml>',
      ),
    ).toEqual([{ url: 'https://q.example/?a=1&b=2', title: 'Q & A' }]);
    expect(() => parseOpml('<rss/>')).toThrow(/not an OPML/);
    expect(() => parseOpml('hello')).toThrow(/not an OPML/);
  });
});

describe('buildOpml', () => {
  it('writes OPML 2.0 that reads back to the same feeds, escaping what needs it', () => {
    const podcasts = [
      {
        title: 'Tom & "Jerry" <live>',
        feedUrl: 'https://t.example/rss?a=1&b=2',
        link: 'https://t.example/',
      },
      { title: 'Plain', feedUrl: 'https://p.example/feed' },
    ];
    const opml = buildOpml(podcasts, new Date(Date.UTC(2026, 0, 1)));
    expect(opml).toContain('<opml version="2.0">');
    expect(opml).toContain('<dateCreated>Thu, 01 Jan 2026 00:00:00 GMT</dateCreated>');
    expect(opml).toContain('htmlUrl="https://t.example/"');
    expect(parseOpml(opml)).toEqual([
      { url: 'https://t.example/rss?a=1&b=2', title: 'Tom & "Jerry" <live>' },
      { url: 'https://p.example/feed', title: 'Plain' },
    ]);
  });
});
