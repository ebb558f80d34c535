// The player against the library's rules: an idle tab never writes its stale position, a failed
// download says so and the pause after the error keeps the message, and an episode whose podcast
// was unsubscribed stops, the queue moving on to the next episode that can play.
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { enqueue, listQueue } from '../../../../src/db/queue.ts';
import { removePodcast } from '../../../../src/db/remove-podcast.ts';
import { getSetting, setSetting } from '../../../../src/db/settings.ts';
import { savePosition } from '../../../../src/db/playback.ts';
import { attachAudio } from '../../../../src/features/player/audio-events.ts';
import {
  BROKEN_DOWNLOAD_MESSAGE,
  episodeRemoved,
  OFFLINE_MESSAGE,
  playEpisode,
  saveNow,
  seekTo,
} from '../../../../src/features/player/audio-engine.ts';
import { resetPlayerStore, usePlayerStore } from '../../../../src/features/player/player-store.ts';
import type { Episode } from '../../../../src/db/schema.ts';

let audio: HTMLAudioElement;
let detach: () => void;
let time: number;

const episode = (id: string, podcastId: string): Episode => ({
  id,
  podcastId,
  guid: id,
  title: id,
  descriptionHtml: '',
  publishedAt: 1,
  enclosure: { url: `https://media.example/${id}.mp3`, type: 'audio/mpeg', length: 0 },
});

function setOnline(online: boolean): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  resetPlayerStore();
  await db.podcasts.bulkAdd(
    ['p', 'q'].map((id) => ({
      id,
      feedUrl: `https://${id}.example/feed`,
      title: id,
      author: '',
      description: '',
      subscribedAt: 1,
      refreshedAt: 1,
    })),
  );
  await db.episodes.bulkAdd([episode('p1', 'p'), episode('p2', 'p'), episode('q1', 'q')]);
  audio = document.createElement('audio');
  // jsdom has no media playback: the element's state is played by hand, events fired by hand.
  time = 0;
  let paused = true;
  Object.defineProperty(audio, 'currentTime', { get: () => time, set: (t: number) => (time = t) });
  Object.defineProperty(audio, 'readyState', { get: () => HTMLMediaElement.HAVE_METADATA });
  Object.defineProperty(audio, 'duration', { get: () => 600 });
  Object.defineProperty(audio, 'paused', { get: () => paused });
  audio.play = vi.fn(() => {
    paused = false;
    audio.dispatchEvent(new Event('play'));
    return Promise.resolve();
  });
  audio.pause = vi.fn(() => {
    if (paused) return;
    paused = true;
    audio.dispatchEvent(new Event('pause'));
  });
  detach = attachAudio(audio);
  setOnline(true);
});

afterEach(() => {
  detach();
  vi.restoreAllMocks();
});

/** Lets the metadata arrive for the loaded episode (the engine then seeks to its start). */
function metadata(): void {
  audio.dispatchEvent(new Event('loadedmetadata'));
}

describe('saving positions', () => {
  it('never writes from a tab that only restored the episode, while another tab played on', async () => {
    await db.positions.put({ episodeId: 'p1', seconds: 100, durationSeconds: 600, updatedAt: 1 });
    await playEpisode('p1', { autoplay: false, exact: true });
    metadata();
    // Meanwhile another tab plays the episode on to 400 s.
    await savePosition('p1', 400, 600);
    // This idle tab is hidden, closed, or loads another episode: each would save.
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
    await saveNow();
    await playEpisode('p2', { autoplay: false });
    expect((await db.positions.get('p1'))?.seconds).toBe(400);
  });

  it('saves once the listener played or seeked', async () => {
    await playEpisode('p1', { autoplay: false });
    metadata();
    seekTo(30);
    await saveNow();
    expect((await db.positions.get('p1'))?.seconds).toBe(30);
    await playEpisode('p2');
    metadata();
    time = 12;
    await saveNow();
    expect((await db.positions.get('p2'))?.seconds).toBe(12);
  });
});

describe('when playback fails', () => {
  it('says a downloaded episode cannot be played, offers to download it again, and keeps it said after the pause', async () => {
    setOnline(false);
    await db.downloads.put({ episodeId: 'p1', state: 'downloaded' } as never);
    // A controlling service worker answers the app's own /media/ address (jsdom has none).
    Object.defineProperty(navigator, 'serviceWorker', {
      configurable: true,
      value: { controller: {} },
    });
    onTestFinished(() => void Reflect.deleteProperty(navigator, 'serviceWorker'));
    await playEpisode('p1');
    expect(audio.getAttribute('src')).toBe('/media/p1');
    audio.dispatchEvent(new Event('error'));
    audio.pause(); // browsers pause an element whose media failed
    expect(usePlayerStore.getState()).toMatchObject({
      message: BROKEN_DOWNLOAD_MESSAGE,
      downloadBroken: true,
      playing: false,
    });
    expect(usePlayerStore.getState().message).not.toBe(OFFLINE_MESSAGE);
  });

  it('says offline for an episode that is not downloaded, and clears the message once one plays', async () => {
    await playEpisode('p1');
    setOnline(false);
    audio.dispatchEvent(new Event('error'));
    audio.pause();
    expect(usePlayerStore.getState()).toMatchObject({ message: OFFLINE_MESSAGE });
    setOnline(true);
    await playEpisode('p2');
    expect(usePlayerStore.getState().message).toBeUndefined();
  });
});

describe('unsubscribing', () => {
  it('removes Up Next entries, positions and now-playing of its episodes in one go, nothing else', async () => {
    await enqueue('p2');
    await enqueue('q1');
    await enqueue('p1');
    await db.positions.bulkPut(
      ['p1', 'q1'].map((episodeId) => ({ episodeId, seconds: 5, updatedAt: 1 })),
    );
    await setSetting('nowPlayingEpisodeId', 'p1');
    await removePodcast('p');
    expect((await listQueue()).map((item) => item.episodeId)).toEqual(['q1']);
    expect((await db.positions.toArray()).map((p) => p.episodeId)).toEqual(['q1']);
    expect(await getSetting('nowPlayingEpisodeId')).toBeNull();
    expect(
      await db.episodes
        .where('podcastId')
        .equals('p')
        .count()
        .catch(() => 0),
    ).toBe(0);
    expect((await db.episodes.toArray()).map((e) => e.id)).toEqual(['q1']);
    // A save that lands after the removal stores nothing for the missing episode.
    await savePosition('p1', 50, 600);
    expect(await db.positions.get('p1')).toBeUndefined();
  });

  it('stops its playing episode and plays the next playable entry of Up Next', async () => {
    await playEpisode('p1');
    metadata();
    time = 20;
    await enqueue('p2');
    await enqueue('q1');
    await removePodcast('p');
    await episodeRemoved('p1');
    expect(usePlayerStore.getState().episodeId).toBe('q1');
    // Word of the removal that comes late (the live query's last answer) stops nothing.
    await episodeRemoved('p1');
    expect(usePlayerStore.getState().episodeId).toBe('q1');
    expect(audio.getAttribute('src')).toBe('https://media.example/q1.mp3');
    expect(await db.positions.get('p1')).toBeUndefined();
  });

  it('skips entries that cannot play offline, and empties the player when none can', async () => {
    await db.episodes.add(episode('q2', 'q'));
    await db.downloads.put({ episodeId: 'q2', state: 'downloaded' } as never);
    await playEpisode('p1');
    await enqueue('q1');
    await enqueue('q2');
    setOnline(false);
    await removePodcast('p');
    await episodeRemoved('p1');
    expect(usePlayerStore.getState().episodeId).toBe('q2');
    expect(await listQueue()).toEqual([]);

    await db.episodes.delete('q2');
    await episodeRemoved('q2');
    expect(usePlayerStore.getState().episodeId).toBeUndefined();
    expect(await getSetting('nowPlayingEpisodeId')).toBeNull();
  });
});
