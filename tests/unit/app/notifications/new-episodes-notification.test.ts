// The notification after a background refresh: none when nothing was found; one, counting every
// new episode and naming the newest, that opens the newest when tapped.
import { describe, expect, it } from 'vitest';
import { newEpisodesNotification } from '../../../../sw/new-episodes-notification.ts';

const episode = (id: string, day: number) => ({ id, title: `Episode ${id}`, publishedAt: day });

describe('newEpisodesNotification', () => {
  it('is nothing when no podcast has new episodes', () => {
    expect(newEpisodesNotification([])).toBeUndefined();
    expect(
      newEpisodesNotification([{ podcastId: 'p', podcastTitle: 'P', added: 0, newest: [] }]),
    ).toBeUndefined();
  });

  it('names one podcast and its newest episodes, with its artwork', () => {
    const notification = newEpisodesNotification([
      {
        podcastId: 'p1',
        podcastTitle: 'Alpha',
        artworkUrl: 'https://example.org/a.png',
        added: 5,
        newest: [episode('a5', 5), episode('a4', 4), episode('a3', 3)],
      },
    ]);
    expect(notification).toEqual({
      title: '5 new episodes in Alpha',
      options: expect.objectContaining({
        body: 'Episode a5, Episode a4, Episode a3 and 2 more',
        icon: 'https://example.org/a.png',
        tag: 'new-episodes',
        data: { episodeId: 'a5', url: '/podcast/p1?episode=a5' },
      }),
    });
  });

  it('counts across podcasts, names each episode with its podcast, opens the newest', () => {
    const notification = newEpisodesNotification([
      { podcastId: 'p1', podcastTitle: 'Alpha', added: 1, newest: [episode('a1', 1)] },
      {
        podcastId: 'p2',
        podcastTitle: 'Beta',
        added: 2,
        newest: [episode('b9', 9), episode('b8', 8)],
      },
    ]);
    expect(notification?.title).toBe('3 new episodes');
    expect(notification?.options.body).toBe(
      'Episode b9 (Beta), Episode b8 (Beta), Episode a1 (Alpha)',
    );
    expect(notification?.options.data).toEqual({ episodeId: 'b9', url: '/podcast/p2?episode=b9' });
    expect(notification?.options.icon).toBe('/pwa-192x192.png');
  });

  it('says when automatic downloads wait for a tap', () => {
    const notification = newEpisodesNotification([
      {
        podcastId: 'p1',
        podcastTitle: 'Alpha',
        added: 1,
        newest: [episode('a1', 1)],
        pausedDownloads: 1,
      },
    ]);
    expect(notification?.title).toBe('1 new episode in Alpha');
    expect(notification?.options.body).toBe('Episode a1. Its download waits: tap to start it.');
  });
});
