// The demo podcast's RSS 2.0 feed (with the iTunes tags real apps read), built for one origin so
// every URL in it is absolute and points back at the server that served it.
import { demoDurationSeconds, demoEpisodes, type DemoEpisode } from './demo-episodes.ts';

const ITUNES_NS = 'http://www.itunes.com/dtds/podcast-1.0.dtd';

/** The feed as XML, with enclosure and artwork URLs under `origin` (e.g. `http://localhost:4173`). */
export function demoFeedXml(origin: string): string {
  const artwork = `${origin}/demo/artwork.png`;
  const home = `${origin}/`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="${ITUNES_NS}">
  <channel>
    <title>Longwave Demo</title>
    <link>${escapeXml(home)}</link>
    <description>Calm synthesised melodies served by Longwave itself, so there is always something to download and play, even with no network.</description>
    <language>en</language>
    <itunes:author>Longwave</itunes:author>
    <itunes:summary>The built-in demo podcast of Longwave.</itunes:summary>
    <itunes:explicit>false</itunes:explicit>
    <itunes:type>episodic</itunes:type>
    <itunes:category text="Music"/>
    <itunes:image href="${escapeXml(artwork)}"/>
    <image>
      <url>${escapeXml(artwork)}</url>
      <title>Longwave Demo</title>
      <link>${escapeXml(home)}</link>
    </image>
${demoEpisodes.map((episode) => itemXml(episode, origin)).join('\n')}
  </channel>
</rss>
`;
}

function itemXml(episode: DemoEpisode, origin: string): string {
  const url = `${origin}/demo/audio/${encodeURIComponent(episode.slug)}.wav`;
  // Some episodes advertise a wrong length on purpose (see demo-episodes.ts): apps must HEAD.
  const length = episode.feedBytes ?? episode.bytes;
  return `    <item>
      <title>${escapeXml(episode.title)}</title>
      <guid isPermaLink="false">longwave-demo-${escapeXml(episode.slug)}</guid>
      <pubDate>${new Date(episode.publishedAt).toUTCString()}</pubDate>
      <description>${cdata(episode.description)}</description>
      <itunes:duration>${hhmmss(demoDurationSeconds(episode))}</itunes:duration>
      <enclosure url="${escapeXml(url)}" length="${length}" type="audio/wav"/>
    </item>`;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// Safe for element content and for attributes in either kind of quotes.
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// "]]>" cannot appear inside CDATA, so it is split across two sections.
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function hhmmss(seconds: number): string {
  const whole = Math.round(seconds);
  const parts = [Math.floor(whole / 3600), Math.floor(whole / 60) % 60, whole % 60];
  return parts.map((part) => String(part).padStart(2, '0')).join(':');
}
