// The download queue: FIFO, a few at a time, retried with backoff, paused while offline. One tab
// leads (Web Locks), so with several tabs open exactly one runs each download.
import { liveQuery } from 'dexie';
import { getDownload, listActiveDownloads, updateDownload } from '../db/downloads.ts';
import { deleteParts } from '../db/parts.ts';
import type { Download } from '../db/schema.ts';
import { getSettingOrDefault } from '../db/settings.ts';
import { onServiceWorkerMessage, serviceWorkerRegistration } from '../sw-bridge.ts';
import {
  runBackgroundFetch,
  runningBackgroundFetches,
  watchBackgroundFetch,
} from './background-fetch-strategy.ts';
import { classifyFailure } from './classify-failure.ts';
import { recordProgress } from './record-progress.ts';
import { hasMedia } from './store-media.ts';

const LEADER_LOCK = 'longwave-download-scheduler';
/** A Background Fetch record with no registration for this long lost its fetch somehow. */
const LOST_FETCH_MS = 5_000;

let started = false;

/** Starts the scheduler in this tab once it leads; safe to call more than once. */
export function startDownloadScheduler(): void {
  if (started) return;
  started = true;
  const lead = () => new DownloadScheduler().run();
  if ('locks' in navigator) void navigator.locks.request(LEADER_LOCK, lead);
  else void lead();
}

class DownloadScheduler {
  private readonly jobs = new Map<string, AbortController>();
  private pumping?: Promise<void>;
  private again = false;
  private timer?: ReturnType<typeof setTimeout>;

  /** Runs until the page goes away; holding the promise holds the leader lock. */
  run(): Promise<never> {
    const wake = () => this.wake();
    addEventListener('online', wake);
    addEventListener('offline', wake);
    onServiceWorkerMessage(wake);
    liveQuery(listActiveDownloads).subscribe({ next: wake, error: console.error });
    return new Promise<never>(() => undefined);
  }

  /** Coalesces wake-ups: at most one pass runs, and one more follows if anything changed meanwhile. */
  private wake(): void {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump()
      .catch(console.error)
      .finally(() => {
        this.pumping = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async pump(): Promise<void> {
    const active = await listActiveDownloads();
    const manager = (await serviceWorkerRegistration()).backgroundFetch;
    const fetches = manager
      ? await runningBackgroundFetches(manager)
      : new Map<string, BackgroundFetchRegistration>();
    // A job whose record left the queue (cancelled, deleted) stops at once.
    const wanted = new Set(active.map((d) => d.episodeId));
    for (const [episodeId, job] of this.jobs) if (!wanted.has(episodeId)) job.abort();
    for (const [episodeId, registration] of fetches) {
      if (active.some((d) => d.episodeId === episodeId)) continue;
      const record = await getDownload(episodeId);
      // A fetch nobody wants any more (cancelled, or its record deleted) must not finish.
      if (!record || record.state === 'cancelled') await registration.abort();
    }
    if (!navigator.onLine) {
      // Waiting for a retry is pointless without a network: wait for the network instead.
      for (const d of active) {
        if (d.state !== 'queued' && d.pauseReason !== 'offline') await this.pause(d, 'offline');
      }
      return;
    }
    const limit = await concurrencyLimit();
    const now = Date.now();
    let busy = 0;
    let nextWake = Infinity;
    for (const d of active) {
      if (d.state === 'queued') continue;
      busy += 1;
      const registration = fetches.get(d.episodeId);
      if (registration) watchBackgroundFetch(registration);
      if (d.state === 'downloading') {
        if (d.strategy === 'in-page' && !this.jobs.has(d.episodeId)) void this.start(d);
        if (d.strategy === 'background-fetch' && !registration) {
          if (now - d.updatedAt > LOST_FETCH_MS) await this.recoverLostFetch(d);
          else nextWake = Math.min(nextWake, d.updatedAt + LOST_FETCH_MS);
        }
      } else if (d.pauseReason === 'offline' || (d.nextRetryAt ?? 0) <= now) {
        if (registration)
          await updateDownload(d.episodeId, { state: 'downloading', pauseReason: undefined });
        else void this.start(d);
      } else {
        nextWake = Math.min(nextWake, d.nextRetryAt ?? now);
      }
    }
    for (const d of active.filter((q) => q.state === 'queued')) {
      if (busy >= limit) break;
      busy += 1;
      void this.start(d);
    }
    clearTimeout(this.timer);
    if (nextWake < Infinity)
      this.timer = setTimeout(() => this.wake(), Math.max(50, nextWake - Date.now() + 10));
  }

  private async start(d: Download): Promise<void> {
    // Claim the download before the first await, so no later pass starts it a second time.
    if (this.jobs.has(d.episodeId)) return;
    const job = new AbortController();
    this.jobs.set(d.episodeId, job);
    let progressed = false;
    try {
      const claimed = await updateDownload(d.episodeId, {
        state: 'downloading',
        pauseReason: undefined,
        nextRetryAt: undefined,
      });
      if (!claimed) return; // cancelled or deleted meanwhile
      const manager = (await serviceWorkerRegistration()).backgroundFetch;
      if (d.strategy === 'background-fetch' && manager) {
        await runBackgroundFetch(manager, d);
        return;
      }
      // Loaded only where it runs: a browser with Background Fetch never needs it.
      const { runInPageDownload } = await import('./in-page-download.ts');
      const stallSeconds = await getSettingOrDefault('downloadStallSeconds');
      await runInPageDownload(d, {
        signal: job.signal,
        stallMs: stallSeconds * 1000,
        onProgress: (bytes) => {
          progressed = true;
          void recordProgress(d.episodeId, bytes);
        },
      });
    } catch (error) {
      // Failures in a row count; an attempt that brought bytes starts the count again.
      await this.failed(d, error, progressed ? 1 : d.attempts + 1, job.signal);
    } finally {
      if (this.jobs.get(d.episodeId) === job) this.jobs.delete(d.episodeId);
      this.wake();
    }
  }

  private async failed(
    d: Download,
    error: unknown,
    attempts: number,
    signal: AbortSignal,
  ): Promise<void> {
    const outcome = classifyFailure(error, attempts, navigator.onLine, signal);
    if (outcome.kind === 'cancelled') return;
    if (outcome.kind === 'offline') return this.pause(d, 'offline');
    if (outcome.kind === 'retry') {
      await updateDownload(d.episodeId, {
        state: 'paused',
        pauseReason: 'retry',
        attempts,
        nextRetryAt: Date.now() + outcome.delayMs,
        failureMessage: outcome.message,
      });
      return;
    }
    await deleteParts(d.episodeId);
    await updateDownload(d.episodeId, {
      state: 'failed',
      attempts,
      failureReason: outcome.reason,
      failureMessage: outcome.message,
      pauseReason: undefined,
      nextRetryAt: undefined,
    });
  }

  private async pause(d: Download, reason: 'offline'): Promise<void> {
    this.jobs.get(d.episodeId)?.abort();
    await updateDownload(d.episodeId, { state: 'paused', pauseReason: reason });
  }

  /** The fetch is gone but the record says downloading: keep the result if it arrived, else start again. */
  private async recoverLostFetch(d: Download): Promise<void> {
    if (await hasMedia(d.url))
      await updateDownload(d.episodeId, {
        state: 'downloaded',
        bytesDone: d.bytesTotal ?? d.bytesDone,
      });
    else void this.start(d);
  }
}

/** The listener's setting, within what Background Fetch allows (5 active fetches per site). */
async function concurrencyLimit(): Promise<number> {
  const wanted = await getSettingOrDefault('concurrentDownloads');
  return Math.min(5, Math.max(1, wanted));
}
