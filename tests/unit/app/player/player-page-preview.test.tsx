// Now Playing with a Discover preview's episode: its podcast link leads back to the preview (the
// library has no such podcast), and there is no Played mark to set on an episode stored nowhere.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { PlayerPage } from '../../../../src/features/player/player-page.tsx';
import { resetPlayerStore, usePlayerStore } from '../../../../src/features/player/player-store.ts';
import { showPreview } from '../../../../src/features/player/preview-episodes.ts';
import { previewEpisode, previewPodcast } from './preview-fixture.ts';

const podcast = { ...previewPodcast, title: 'Previewed Show' };
const episode = previewEpisode;

beforeEach(async () => {
  await db.delete();
  await db.open();
  resetPlayerStore();
});

afterEach(cleanup);

it('links a preview episode back to its preview, with no Played mark', async () => {
  showPreview(podcast, [episode]);
  usePlayerStore.setState({ episodeId: episode.id });
  render(<PlayerPage />);
  const link = await screen.findByRole('link', { name: 'Previewed Show' });
  expect(link.getAttribute('href')).toBe(
    '/discover/podcast?feed=https%3A%2F%2Ffeeds.example.com%2Fshow.xml',
  );
  expect(screen.queryByRole('checkbox', { name: 'Played' })).toBeNull();
});

it('offers the Played mark for a library episode', async () => {
  const stored = { ...podcast, id: 'p1' };
  await db.podcasts.put(stored);
  await db.episodes.put({ ...episode, id: 'e1', podcastId: 'p1' });
  usePlayerStore.setState({ episodeId: 'e1' });
  render(<PlayerPage />);
  const link = await screen.findByRole('link', { name: 'Previewed Show' });
  expect(link.getAttribute('href')).toBe('/podcast/p1');
  expect(screen.getByRole('checkbox', { name: 'Played' })).toBeDefined();
});
