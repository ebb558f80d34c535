// The in-page downloader's own thread: fetching and storing an episode (fetch-audio.ts) is work
// the UI thread should not do, and a worker reads the network faster (measured in Firefox: a
// plain 200 MB fetch 1.3-1.6x faster than on the page's main thread). Called through comlink.
import { expose } from 'comlink';
import { fetchAudio, type AudioJob } from './fetch-audio.ts';

/** Progress goes to the page at most this often. */
const PROGRESS_MS = 100;

const running = new Map<string, AbortController>();

const api = {
  /** Runs one attempt; `onProgress` is a comlink proxy back to the page. */
  async download(
    job: AudioJob,
    stallMs: number,
    onProgress: (bytes: number, total?: number) => void,
  ) {
    const controller = new AbortController();
    running.get(job.episodeId)?.abort();
    running.set(job.episodeId, controller);
    let reported = 0;
    try {
      return await fetchAudio(job, {
        signal: controller.signal,
        stallMs,
        onProgress: (bytes, total) => {
          const now = Date.now();
          if (now - reported < PROGRESS_MS) return;
          reported = now;
          void onProgress(bytes, total);
        },
      });
    } finally {
      if (running.get(job.episodeId) === controller) running.delete(job.episodeId);
    }
  },
  /** Stops the episode's running attempt, if any. */
  abort(episodeId: string) {
    running.get(episodeId)?.abort();
  },
};

export type DownloadWorker = typeof api;

expose(api);
