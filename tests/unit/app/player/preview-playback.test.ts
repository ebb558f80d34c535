// A preview's episode plays from memory like any other, and leaves nothing behind in the library:
// no podcast, episode, position, played mark, speed or "now playing".
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import {
  applyPendingStart,
  playEpisode,
  saveNow,
  setAudioElement,
  setSpeed,
} from '../../../../src/features/player/audio-engine.ts';
import { resetPlayerStore, usePlayerStore } from '../../../../src/features/player/player-store.ts';
import { showPreview } from '../../../../src/features/player/preview-episodes.ts';
import { previewEpisode, previewPodcast } from './preview-fixture.ts';

const podcast = previewPodcast;
const episode = previewEpisode;
let audio: HTMLAudioElement;

beforeEach(async () => {
  await db.delete();
  await db.open();
  resetPlayerStore();
  audio = document.createElement('audio');
  audio.play = vi.fn(() => Promise.resolve());
  setAudioElement(audio);
});

afterEach(() => {
  setAudioElement(undefined);
  vi.restoreAllMocks();
});

it('streams a preview episode and stores nothing about it', async () => {
  showPreview(podcast, [episode]);
  await playEpisode(episode.id);
  expect(usePlayerStore.getState().episodeId).toBe(episode.id);
  expect(audio.src).toBe('https://media.example/first.mp3');
  expect(audio.play).toHaveBeenCalled();
  // Playing on: the element reports metadata and a position, as a browser would.
  Object.defineProperty(audio, 'readyState', { value: 4 });
  Object.defineProperty(audio, 'currentTime', { value: 120, writable: true });
  applyPendingStart();
  await saveNow();
  await setSpeed(1.5);
  expect(await db.podcasts.count()).toBe(0);
  expect(await db.episodes.count()).toBe(0);
  expect(await db.positions.count()).toBe(0);
  expect(await db.settings.get('nowPlayingEpisodeId')).toBeUndefined();
  expect(await db.settings.get('podcastSpeeds')).toBeUndefined();
});

it('keeps the playing preview playable when another podcast is previewed', async () => {
  showPreview(podcast, [episode]);
  await playEpisode(episode.id);
  const other = { ...podcast, id: 'preview:other' };
  showPreview(other, [{ ...episode, id: 'preview:other#0', podcastId: other.id }]);
  const third = { ...podcast, id: 'preview:third' };
  showPreview(third, [{ ...episode, id: 'preview:third#0', podcastId: third.id }]);
  audio.removeAttribute('src');
  await playEpisode(episode.id);
  expect(audio.src).toBe('https://media.example/first.mp3');
  // The one in between, neither shown nor playing, is gone.
  await playEpisode('preview:other#0');
  expect(usePlayerStore.getState().episodeId).toBe(episode.id);
});
