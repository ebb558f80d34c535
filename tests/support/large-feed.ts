// A podcast feed of any size, for the 5,000-episode browser test and the benchmarks: realistic
// items (GUID, date, duration, enclosure with length, a paragraph of HTML notes), newest first.

/** RSS 2.0 + iTunes for a podcast with `count` episodes; enclosures point under `origin`. */
export function largeFeedXml(
  count: number,
  options: { origin?: string; title?: string } = {},
): string {
  const origin = options.origin ?? 'https://feeds.example';
  const title = options.title ?? `Large Feed (${count} episodes)`;
  const newest = Date.UTC(2026, 0, 1, 12);
  const items: string[] = [];
  for (let index = count; index >= 1; index -= 1) {
    const published = new Date(newest - (count - index) * 86_400_000).toUTCString();
    items.push(`    <item>
      <title>Episode ${index}: notes on item number ${index}</title>
      <guid isPermaLink="false">large-${index}</guid>
      <pubDate>${published}</pubDate>
      <itunes:duration>${String(Math.floor(index / 60) % 60).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}</itunes:duration>
      <description><![CDATA[<p>Show notes for episode ${index}, with <a href="https://example.org/${index}">a link</a> and enough words to look like a real paragraph of show notes written by a real person.</p>]]></description>
      <enclosure url="${origin}/audio/${index}.mp3" length="${20_000_000 + index}" type="audio/mpeg"/>
    </item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
  <channel>
    <title>${title}</title>
    <link>${origin}/</link>
    <description>A generated podcast with ${count} episodes.</description>
    <itunes:author>Longwave tests</itunes:author>
${items.join('\n')}
  </channel>
</rss>
`;
}
