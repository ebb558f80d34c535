// Progress of running downloads as it happens, for the UI: bytes and speed, shared by every tab
// of the app through a BroadcastChannel. The record in IndexedDB is written only every few
// seconds, so progress never churns the database or wakes the scheduler.
import { create } from 'zustand';
import { dispatchDownload } from '../db/downloads.ts';

/** Where one attempt stands right now. */
export interface LiveProgress {
  generation: number;
  bytesDone: number;
  bytesTotal?: number;
  /** Smoothed bytes per second, once there are two samples. */
  bytesPerSecond?: number;
  at: number;
}

/** The record is written at most this often while a download runs. */
export const PERSIST_MS = 2_000;
const CHANNEL = 'longwave-download-progress';

export const useLiveProgress = create<{ byEpisode: Record<string, LiveProgress> }>(() => ({
  byEpisode: {},
}));

type Sample = { episodeId: string } & Omit<LiveProgress, 'bytesPerSecond'>;

let channel: BroadcastChannel | undefined;
const persistedAt = new Map<string, number>();

/** Starts showing the progress that other tabs report (idempotent). */
export function listenForLiveProgress(): void {
  if (channel) return;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<Sample>) => record(event.data);
}

/** Reports the bytes of a running attempt: shown at once in every tab, stored every few seconds. */
export function reportProgress(
  episodeId: string,
  generation: number,
  bytesDone: number,
  bytesTotal?: number,
): void {
  listenForLiveProgress();
  const sample: Sample = { episodeId, generation, bytesDone, bytesTotal, at: Date.now() };
  record(sample);
  channel?.postMessage(sample);
  const key = `${episodeId}:${generation}`;
  if (sample.at - (persistedAt.get(key) ?? 0) < PERSIST_MS) return;
  persistedAt.set(key, sample.at);
  void dispatchDownload(episodeId, { type: 'progressed', generation, bytesDone, bytesTotal });
}

function record({ episodeId, ...sample }: Sample): void {
  useLiveProgress.setState(({ byEpisode }) => {
    const previous = byEpisode[episodeId];
    return {
      byEpisode: {
        ...byEpisode,
        [episodeId]: { ...sample, bytesPerSecond: speed(previous, sample) },
      },
    };
  });
}

/** Bytes per second, smoothed so the number does not jump about. */
function speed(previous: LiveProgress | undefined, sample: Omit<Sample, 'episodeId'>) {
  if (!previous || previous.generation !== sample.generation) return undefined;
  const seconds = (sample.at - previous.at) / 1000;
  if (seconds < 0.05 || sample.bytesDone < previous.bytesDone) return previous.bytesPerSecond;
  const now = (sample.bytesDone - previous.bytesDone) / seconds;
  return previous.bytesPerSecond === undefined ? now : previous.bytesPerSecond * 0.7 + now * 0.3;
}
