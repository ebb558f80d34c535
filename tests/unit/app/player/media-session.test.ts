import { describe, expect, it, vi } from 'vitest';
import {
  setMediaMetadata,
  syncPositionState,
  wireMediaSession,
  type MediaCommands,
} from '../../../../src/features/player/media-session.ts';
import type { Episode, Podcast } from '../../../../src/db/schema.ts';
import { artworkSrc } from '../../../../src/shared/artwork-url.ts';
import { ARTWORK_CACHE } from '../../../../src/shared/cache-names.ts';
import { memoryCaches } from '../storage/memory-caches.ts';

class FakeSession {
  metadata: unknown = null;
  playbackState = 'none';
  handlers = new Map<string, ((details: object) => void) | null>();
  positions: MediaPositionState[] = [];
  setActionHandler(action: string, handler: ((details: object) => void) | null) {
    if (action === 'seekto' && handler && this.refuseSeekTo) throw new TypeError('unsupported');
    this.handlers.set(action, handler);
  }
  setPositionState(state: MediaPositionState) {
    this.positions.push(state);
  }
  constructor(private refuseSeekTo = false) {}
}

function commands() {
  return {
    play: vi.fn(),
    pause: vi.fn(),
    seekBy: vi.fn(),
    seekTo: vi.fn(),
    previous: vi.fn(),
    next: vi.fn(),
  } satisfies MediaCommands;
}

const asSession = (fake: FakeSession) => fake as unknown as MediaSession;

describe('Media Session wiring', () => {
  it('connects every media key to the player, and disconnects them', () => {
    const session = new FakeSession();
    const player = commands();
    const unwire = wireMediaSession(asSession(session), player);
    const call = (action: string, details: object = {}) =>
      session.handlers.get(action)!({ action, ...details });
    call('play');
    call('pause');
    call('seekbackward');
    call('seekforward', { seekOffset: 10 });
    call('seekto', { seekTime: 42 });
    call('previoustrack');
    call('nexttrack');
    expect(player.play).toHaveBeenCalledOnce();
    expect(player.pause).toHaveBeenCalledOnce();
    expect(player.seekBy.mock.calls).toEqual([[-15], [10]]);
    expect(player.seekTo).toHaveBeenCalledWith(42);
    expect(player.previous).toHaveBeenCalledOnce();
    expect(player.next).toHaveBeenCalledOnce();
    unwire();
    expect([...session.handlers.values()].every((handler) => handler === null)).toBe(true);
  });

  it('keeps the other keys when the browser refuses one action', () => {
    const session = new FakeSession(true);
    wireMediaSession(asSession(session), commands());
    expect(session.handlers.get('play')).toBeTypeOf('function');
    expect(session.handlers.has('seekto')).toBe(false);
  });

  it('does nothing without a session', () => {
    expect(() => wireMediaSession(undefined, commands())()).not.toThrow();
  });

  it('sets title, podcast and artwork as metadata', () => {
    vi.stubGlobal(
      'MediaMetadata',
      class {
        constructor(public init: MediaMetadataInit) {}
      },
    );
    const session = new FakeSession();
    const episode = { title: 'Ep', artworkUrl: undefined } as Episode;
    const podcast = { title: 'Show', author: 'Host', artworkUrl: 'https://a/art.png' } as Podcast;
    setMediaMetadata(asSession(session), episode, podcast);
    expect((session.metadata as { init: MediaMetadataInit }).init).toEqual({
      title: 'Ep',
      artist: 'Host',
      album: 'Show',
      artwork: [{ src: 'https://a/art.png', sizes: '512x512' }],
    });
    vi.unstubAllGlobals();
  });

  it("uses the app's own address for the artwork, the podcast's when only that one is stored", async () => {
    vi.stubGlobal(
      'MediaMetadata',
      class {
        constructor(public init: MediaMetadataInit) {}
      },
    );
    vi.stubGlobal('caches', memoryCaches());
    Object.defineProperty(navigator, 'serviceWorker', {
      value: { controller: {} },
      configurable: true,
    });
    const episodeArt = artworkSrc('https://a/episode.jpg')!;
    const podcastArt = artworkSrc('https://a/show.png')!;
    await (await caches.open(ARTWORK_CACHE)).put(podcastArt, new Response('png'));
    const session = new FakeSession();
    const episode = { title: 'Ep', artworkUrl: 'https://a/episode.jpg' } as Episode;
    const podcast = { title: 'Show', author: 'Host', artworkUrl: 'https://a/show.png' } as Podcast;
    const artwork = () => (session.metadata as { init: MediaMetadataInit }).init.artwork;
    setMediaMetadata(asSession(session), episode, podcast);
    expect(artwork()).toEqual([{ src: episodeArt, sizes: '512x512' }]);
    await vi.waitFor(() => expect(artwork()).toEqual([{ src: podcastArt, sizes: '512x512' }]));
    Reflect.deleteProperty(navigator, 'serviceWorker');
    vi.unstubAllGlobals();
  });

  it('keeps the position state in range and skips it while the duration is unknown', () => {
    const session = new FakeSession();
    syncPositionState(asSession(session), {
      duration: 100,
      position: 120,
      playbackRate: 1.5,
      playing: true,
    });
    syncPositionState(asSession(session), {
      duration: NaN,
      position: 0,
      playbackRate: 1,
      playing: false,
    });
    expect(session.positions).toEqual([{ duration: 100, position: 100, playbackRate: 1.5 }]);
    expect(session.playbackState).toBe('paused');
  });
});
