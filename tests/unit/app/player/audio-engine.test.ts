import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { getSetting } from '../../../../src/db/settings.ts';
import {
  applyPendingStart,
  OFFLINE_MESSAGE,
  playEpisode,
  setAudioElement,
} from '../../../../src/features/player/audio-engine.ts';
import { resetPlayerStore, usePlayerStore } from '../../../../src/features/player/player-store.ts';
import { enqueue, listQueue } from '../../../../src/db/queue.ts';

const URL = 'https://media.example/ep.mp3';
let audio: HTMLAudioElement;

beforeEach(async () => {
  await db.delete();
  await db.open();
  resetPlayerStore();
  await db.episodes.add({
    id: 'e',
    podcastId: 'p',
    guid: 'e',
    title: 'Episode',
    descriptionHtml: '',
    publishedAt: 1,
    enclosure: { url: URL, type: 'audio/mpeg', length: 0 },
  });
  audio = document.createElement('audio');
  // jsdom has no media playback; the engine's choices are what is under test.
  audio.play = vi.fn(() => Promise.resolve());
  setAudioElement(audio);
});

afterEach(() => {
  setAudioElement(undefined);
  vi.restoreAllMocks();
});

function setOnline(online: boolean): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
}

describe('playing an episode', () => {
  it('says so clearly when offline and the episode is not downloaded', async () => {
    setOnline(false);
    await playEpisode('e');
    expect(usePlayerStore.getState()).toMatchObject({ episodeId: 'e', message: OFFLINE_MESSAGE });
    expect(audio.getAttribute('src')).toBeNull();
    expect(audio.play).not.toHaveBeenCalled();
  });

  it('plays a downloaded episode offline from its enclosure URL (the media cache key), at the podcast speed', async () => {
    setOnline(false);
    await db.downloads.put({ episodeId: 'e', state: 'downloaded', url: URL } as never);
    await db.settings.put({ key: 'podcastSpeeds', value: { p: 1.5 } });
    await db.positions.put({ episodeId: 'e', seconds: 42, durationSeconds: 600, updatedAt: 1 });
    await playEpisode('e');
    expect(audio.src).toBe(URL);
    expect(audio.playbackRate).toBe(1.5);
    expect(usePlayerStore.getState()).toMatchObject({
      currentTime: 42,
      rate: 1.5,
      message: undefined,
    });
    expect(audio.play).toHaveBeenCalled();
  });

  it('seeks to the saved position once metadata is in, never before (WebKitGTK then stalls on play)', async () => {
    setOnline(true);
    await db.positions.put({ episodeId: 'e', seconds: 42, durationSeconds: 600, updatedAt: 1 });
    const seeks: number[] = [];
    let time = 0;
    Object.defineProperty(audio, 'currentTime', {
      get: () => time,
      set: (seconds: number) => seeks.push((time = seconds)),
    });
    await playEpisode('e', { autoplay: false, exact: true });
    expect(audio.src).toBe(URL);
    expect(seeks).toEqual([]);
    applyPendingStart(); // what the loadedmetadata listener calls
    expect(seeks).toEqual([42]);
  });

  it('remembers the episode for the next launch and takes it off Up Next', async () => {
    setOnline(true);
    await enqueue('e');
    await playEpisode('e', { autoplay: false });
    expect(await getSetting('nowPlayingEpisodeId')).toBe('e');
    await vi.waitFor(async () => expect(await listQueue()).toEqual([]));
    expect(audio.play).not.toHaveBeenCalled();
  });
});
