// The app's one audio element and every command on it: load an episode where the listener left
// it, play, pause, seek, skip, change speed, go to the next in Up Next. audio-events.ts keeps the
// store and Dexie in step with what the element does.
import { getDownload } from '../../db/downloads.ts';
import { getPosition, resumeSeconds, savePosition } from '../../db/playback.ts';
import { dequeue, takeNext } from '../../db/queue.ts';
import { DEFAULT_SETTINGS, getSetting, setSetting } from '../../db/settings.ts';
import { mediaPath } from '../../shared/media-url.ts';
import { setMediaMetadata } from './media-session.ts';
import { usePlayerStore } from './player-store.ts';
import { podcastSpeed, rememberPodcastSpeed } from './podcast-speed.ts';
import { findEpisode, findPodcast, isPreviewEpisode } from './preview-episodes.ts';

/** Shown when an episode that is not downloaded is played with no network. */
export const OFFLINE_MESSAGE =
  'You are offline and this episode is not downloaded. Download episodes to listen offline.';

/** Shown when the copy on this device is what failed to play. */
export const BROKEN_DOWNLOAD_MESSAGE =
  'The downloaded copy of this episode cannot be played: it may be damaged or not audio. Download it again.';

let audio: HTMLAudioElement | undefined;
let podcastId: string | undefined;
let loading = 0;
/** Where a freshly loaded episode must start; saving waits until the element got there. */
let pendingStart: number | undefined;
/**
 * Whether the listener played or seeked the loaded episode. Only then is its position saved: a
 * tab that merely restored an episode holds a stale position, and saving it (on hiding the tab,
 * say) would overwrite where another tab has since played to.
 */
let heard = false;
/** The loaded audio is the copy on this device (its failure is the download's, not the network's). */
let fromDevice = false;

/** Resolves once an audio element is mounted (the player loads just after the first screen). */
let audioMounted = mountSignal();

function mountSignal() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Hands the one audio element to the engine (the AudioHost component owns its place in the DOM). */
export function setAudioElement(element: HTMLAudioElement | undefined): void {
  audio = element;
  if (element) audioMounted.resolve();
  else audioMounted = mountSignal();
}

/** The audio element, while one is mounted. */
export function getAudioElement(): HTMLAudioElement | undefined {
  return audio;
}

/**
 * Loads an episode and (unless `autoplay` is false) plays it: from the saved position, or with
 * `exact` from exactly the saved position even when that is the end (reopening the app).
 */
export async function playEpisode(
  episodeId: string,
  { autoplay = true, exact = false }: { autoplay?: boolean; exact?: boolean } = {},
): Promise<void> {
  const token = ++loading;
  const episode = await findEpisode(episodeId);
  if (!episode?.enclosure || token !== loading) return;
  const [position, rate, download, podcast] = await Promise.all([
    getPosition(episodeId),
    podcastSpeed(episode.podcastId),
    getDownload(episodeId),
    findPodcast(episode.podcastId),
  ]);
  if (token !== loading) return;
  await saveNow();
  const start = exact ? (position?.seconds ?? 0) : resumeSeconds(position);
  const duration = position?.durationSeconds ?? episode.durationSeconds ?? 0;
  usePlayerStore.getState().load(episodeId, { currentTime: start, duration, rate });
  // A preview's episode is not in the library: nothing about it is stored (speed, now playing).
  const preview = isPreviewEpisode(episodeId);
  podcastId = preview ? undefined : episode.podcastId;
  if (!preview) void setSetting('nowPlayingEpisodeId', episodeId);
  void dequeue(episodeId);
  setMediaMetadata(navigator.mediaSession, episode, podcast);
  // A Play pressed before the player's code has loaded plays once it has, not never.
  if (!audio) await audioMounted.promise;
  if (token !== loading || !audio) return;
  heard = false;
  const downloaded = download?.state === 'downloaded';
  if (!downloaded && !navigator.onLine) {
    fromDevice = false;
    audio.removeAttribute('src');
    usePlayerStore.getState().setMessage(OFFLINE_MESSAGE);
    return;
  }
  // load() resets playbackRate to defaultPlaybackRate, so both carry the podcast's speed.
  audio.defaultPlaybackRate = rate;
  const url = playableUrl(episode.enclosure.url, episodeId, downloaded);
  fromDevice = url !== episode.enclosure.url;
  audio.src = url;
  audio.playbackRate = rate;
  // Seeks once metadata is in (applyPendingStart), not before: WebKitGTK applies a currentTime set
  // before metadata as its default playback start position, and a later play() then often shows
  // as playing while the clock stands still (measured: 3-6 in 10 resumes; 0 in 10 seeking after).
  pendingStart = start;
  if (autoplay) void resume();
}

/**
 * Where the audio comes from: a downloaded episode from the device, at the app's own address that
 * the service worker answers (whatever the enclosure URL says now); anything else from the host.
 * Without a controlling service worker (a hard reload) nothing answers the app's address.
 */
function playableUrl(enclosureUrl: string, episodeId: string, downloaded: boolean): string {
  return downloaded && navigator.serviceWorker?.controller ? mediaPath(episodeId) : enclosureUrl;
}

/** Called when metadata arrived: seeks to where the episode must start, then allows saving. */
export function applyPendingStart(): void {
  if (!audio || pendingStart === undefined) return;
  if (Math.abs(audio.currentTime - pendingStart) > 0.5) audio.currentTime = pendingStart;
  pendingStart = undefined;
}

/** Records that the listener played or seeked the loaded episode, so its position is saved. */
export function markHeard(): void {
  heard = true;
}

/** Why the loaded episode failed to play, in the listener's words, and whether to re-download. */
export function failureMessage(): { message: string; downloadBroken: boolean } {
  if (fromDevice) return { message: BROKEN_DOWNLOAD_MESSAGE, downloadBroken: true };
  if (!navigator.onLine) return { message: OFFLINE_MESSAGE, downloadBroken: false };
  return { message: 'This episode could not be played.', downloadBroken: false };
}

/**
 * Stores the current position now (on pause, seek, page hide, and throttled while playing), once
 * the listener has played or seeked this episode since it loaded.
 */
export async function saveNow(): Promise<void> {
  const { episodeId } = usePlayerStore.getState();
  if (!audio || !episodeId || !heard || pendingStart !== undefined) return;
  if (isPreviewEpisode(episodeId)) return;
  if (!audio.src || audio.readyState < HTMLMediaElement.HAVE_METADATA) return;
  await savePosition(episodeId, audio.currentTime, audio.duration || undefined);
}

/** Plays the loaded episode (reloading it when the element lost it). */
export async function resume(): Promise<void> {
  const { episodeId } = usePlayerStore.getState();
  if (!audio) return;
  if (!audio.src && episodeId) return playEpisode(episodeId);
  try {
    await audio.play();
  } catch (error) {
    // A newer load interrupted this one (AbortError) or autoplay is blocked: nothing to report.
    if (!(error instanceof DOMException)) throw error;
  }
}

/** Pauses playback. */
export function pause(): void {
  audio?.pause();
}

/** Plays when paused, pauses when playing. */
export function togglePlay(): void {
  if (!audio || audio.paused) void resume();
  else audio.pause();
}

/** Jumps to `seconds`, within the episode. */
export function seekTo(seconds: number): void {
  if (!audio) return;
  heard = true;
  const end = Number.isFinite(audio.duration) ? audio.duration : Infinity;
  audio.currentTime = Math.max(0, Math.min(end, seconds));
}

/** Skips back or forward by the listener's skip interval; returns the seconds skipped. */
export async function skip(direction: 'back' | 'forward'): Promise<number> {
  const key = direction === 'back' ? 'skipBackSeconds' : 'skipForwardSeconds';
  const seconds = (await getSetting(key)) ?? DEFAULT_SETTINGS[key];
  if (audio) seekTo(audio.currentTime + (direction === 'back' ? -seconds : seconds));
  return seconds;
}

/** Changes the speed and remembers it for the current podcast. */
export async function setSpeed(rate: number): Promise<void> {
  if (audio) {
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
  }
  usePlayerStore.getState().setRate(rate);
  if (podcastId) await rememberPodcastSpeed(podcastId, rate);
}

/**
 * Plays the first playable episode of Up Next, taking off the queue the ones before it that are
 * gone or cannot play (offline and not downloaded); returns false when none is left.
 */
export async function playNext(): Promise<boolean> {
  for (let next = await takeNext(); next; next = await takeNext()) {
    if (await isPlayable(next)) {
      await playEpisode(next);
      return true;
    }
  }
  return false;
}

async function isPlayable(episodeId: string): Promise<boolean> {
  const episode = await findEpisode(episodeId);
  if (!episode?.enclosure) return false;
  return navigator.onLine || (await getDownload(episodeId))?.state === 'downloaded';
}

/**
 * The loaded episode left the library (its podcast was unsubscribed, here or in another tab):
 * stops it, saving nothing, and plays on from Up Next if it was playing, else empties the player.
 */
export async function episodeRemoved(episodeId: string): Promise<void> {
  if (usePlayerStore.getState().episodeId !== episodeId) return;
  const wasPlaying = !!audio && !audio.paused;
  heard = false;
  audio?.pause();
  audio?.removeAttribute('src');
  if (wasPlaying && (await playNext())) return;
  usePlayerStore.getState().close();
  await setSetting('nowPlayingEpisodeId', null);
}

/** Puts back the episode that was in the player when the app was last open, paused. */
export async function restoreNowPlaying(): Promise<void> {
  const episodeId = await getSetting('nowPlayingEpisodeId');
  if (episodeId && !usePlayerStore.getState().episodeId) {
    await playEpisode(episodeId, { autoplay: false, exact: true });
  }
}

/** Stops and empties the player. */
export async function closePlayer(): Promise<void> {
  await saveNow();
  audio?.pause();
  audio?.removeAttribute('src');
  usePlayerStore.getState().close();
  await setSetting('nowPlayingEpisodeId', null);
}
