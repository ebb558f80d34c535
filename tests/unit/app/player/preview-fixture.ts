// A podcast and episode shown in Discover's preview (in memory only, never in the library).
import type { Episode, Podcast } from '../../../../src/db/schema.ts';

export const previewPodcast: Podcast = {
  id: 'preview:https://feeds.example.com/show.xml',
  feedUrl: 'https://feeds.example.com/show.xml',
  title: 'Show',
  author: 'Host',
  description: '',
  subscribedAt: 0,
  refreshedAt: 0,
};

export const previewEpisode: Episode = {
  id: `${previewPodcast.id}#0`,
  podcastId: previewPodcast.id,
  guid: 'g0',
  title: 'First',
  descriptionHtml: '',
  publishedAt: 1,
  enclosure: { url: 'https://media.example/first.mp3', type: 'audio/mpeg', length: 0 },
};
