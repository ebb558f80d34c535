// The download queue: FIFO, a few at a time, retried with backoff, paused while offline. One tab
// leads (Web Locks), so with several tabs open exactly one runs each download. It wakes when a
// download changes state (download-changes.ts), the network comes or goes, or a retry is due,
// never on progress. It changes records only through dispatchDownload.
import { onDownloadChange } from '../db/download-changes.ts';
import { dispatchDownload, dispatchFailure, listActiveDownloads } from '../db/downloads.ts';
import type { Download } from '../db/schema.ts';
import { getSettingOrDefault } from '../db/settings.ts';
import { asDownloadFailure } from '../shared/fetch-failure.ts';
import { serviceWorkerRegistration } from '../sw-bridge.ts';
import {
  ourBackgroundFetches,
  startBackgroundFetch,
  type OurFetch,
} from './background-fetch-strategy.ts';
import { concurrencyLimit } from './concurrency-limit.ts';
import { reportProgress } from './live-progress.ts';
import { watchBackgroundFetch } from './watch-background-fetch.ts';

const LEADER_LOCK = 'longwave-download-scheduler';
/**
 * A Background Fetch record whose registration this tab has not seen for this long lost its
 * fetch somehow. Counted from when the tab first missed it, not from the record's last change:
 * a fetch the browser held back behind others for a while leaves the list when it finishes, just
 * before the service worker marks it as storing, and was taken for lost in that gap (measured:
 * the whole file fetched twice, 3 runs in 5, with nine downloads at once).
 */
const LOST_FETCH_MS = 5_000;
/** The service worker stores a finished fetch in seconds; this long means it died doing so. */
const STORING_MS = 2 * 60_000;

let started = false;

/** Starts the scheduler in this tab once it leads; safe to call more than once. */
export function startDownloadScheduler(): void {
  if (started) return;
  started = true;
  const lead = () => new DownloadScheduler().run();
  if ('locks' in navigator) void navigator.locks.request(LEADER_LOCK, lead);
  else void lead();
}

/** One attempt this tab is starting or running. */
interface Job {
  controller: AbortController;
  generation?: number;
}

/** The queue's loop. Exported for unit tests; the app uses startDownloadScheduler. */
export class DownloadScheduler {
  private readonly jobs = new Map<string, Job>();
  /** When this tab first found no registration for a Background Fetch attempt, by generation. */
  private readonly missingSince = new Map<number, number>();
  private pumping?: Promise<void>;
  private again = false;
  private timer?: ReturnType<typeof setTimeout>;
  /**
   * Whether the connection changed since the last pass (or this is the first): a download paused
   * because a web page came in place of the episode (a captive portal) is tried again only then.
   */
  private connectionChanged = true;

  /** Runs until the page goes away (or `signal` aborts); holding the promise holds the lock. */
  run(signal?: AbortSignal): Promise<never> {
    const wake = () => this.wake();
    const changed = () => {
      this.connectionChanged = true;
      this.wake();
    };
    addEventListener('online', changed, { signal });
    addEventListener('offline', wake, { signal });
    connection()?.addEventListener('change', changed, { signal });
    const stopListening = onDownloadChange(wake);
    signal?.addEventListener('abort', () => {
      stopListening();
      clearTimeout(this.timer);
      for (const job of this.jobs.values()) job.controller.abort();
    });
    wake();
    return new Promise<never>(() => undefined);
  }

  /** Coalesces wake-ups: at most one pass runs, and one more follows if anything changed meanwhile. */
  wake(): void {
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

  /** Resolves once no pass is running or due (for tests). */
  async settled(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  private async pump(): Promise<void> {
    const active = await listActiveDownloads();
    const manager = (await serviceWorkerRegistration()).backgroundFetch;
    const fetches = manager ? await ourBackgroundFetches(manager) : [];
    await this.stopWhatIsNotWanted(active, fetches);
    if (!navigator.onLine) {
      // Waiting for a retry is pointless without a network: wait for the network instead.
      for (const d of active) {
        if (d.state !== 'queued') await dispatchDownload(d.episodeId, { type: 'went-offline' });
      }
      return;
    }
    const limit = await concurrencyLimit();
    const now = Date.now();
    const connectionChanged = this.connectionChanged;
    this.connectionChanged = false;
    let busy = 0;
    let nextWake = Infinity;
    for (const d of active) {
      if (d.state === 'queued') continue;
      busy += 1;
      const running = fetches.find((f) => f.episodeId === d.episodeId);
      if (running) watchBackgroundFetch(running);
      if (this.jobs.has(d.episodeId)) continue;
      if (d.state === 'downloading') {
        if (running) continue;
        const due = d.strategy === 'in-page' ? now : this.lostAt(d, now);
        if (due <= now) void this.start(d);
        else nextWake = Math.min(nextWake, due);
      } else if (d.pauseReason === 'held') {
        // The service worker could not start this fetch so that it runs (Chrome holds it paused,
        // or refuses it); this page can, so the attempt starts again from here (a held fetch, of an
        // older attempt now, is aborted by the next pass). One that already brings bytes runs.
        if (running && running.registration.downloaded > 0)
          await dispatchDownload(d.episodeId, { type: 'resumed', generation: d.generation });
        else void this.start(d);
      } else if (d.pauseReason === 'web-page') {
        // The same connection would answer with the same sign-in page: no loop, wait for a change.
        if (connectionChanged) void this.start(d);
      } else if (d.pauseReason === 'offline' || (d.nextRetryAt ?? 0) <= now) {
        // A Background Fetch waits out the network itself and carries on.
        if (running)
          await dispatchDownload(d.episodeId, { type: 'resumed', generation: d.generation });
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

  /**
   * Stops attempts nobody wants: a job whose record left the queue or moved to another attempt,
   * and a Background Fetch of an older attempt or of a download that is no longer running (a
   * duplicate, or one cancelled while it started).
   */
  private async stopWhatIsNotWanted(active: Download[], fetches: OurFetch[]): Promise<void> {
    const current = new Map(active.map((d) => [d.episodeId, d]));
    for (const [episodeId, job] of this.jobs) {
      const d = current.get(episodeId);
      const replaced = job.generation !== undefined && d?.generation !== job.generation;
      if (!d || d.state === 'queued' || replaced) job.controller.abort();
    }
    for (const f of fetches) {
      const d = current.get(f.episodeId);
      if (!d || d.state === 'queued' || d.generation !== f.generation) await f.registration.abort();
    }
    if (!navigator.onLine) for (const job of this.jobs.values()) job.controller.abort();
  }

  /** When a Background Fetch record without a registration counts as lost and starts again. */
  private lostAt(d: Download, now: number): number {
    // Its audio is being stored: that is not lost, unless the service worker died doing it.
    if (d.storingSince !== undefined) return d.storingSince + STORING_MS;
    const since = this.missingSince.get(d.generation) ?? now;
    this.missingSince.set(d.generation, since);
    return since + LOST_FETCH_MS;
  }

  /** Starts a new attempt of `d` (its first, after a pause, or in place of a lost one). */
  private async start(d: Download): Promise<void> {
    // Claim the download before the first await, so no later pass starts it a second time.
    if (this.jobs.has(d.episodeId)) return;
    const job: Job = { controller: new AbortController() };
    this.jobs.set(d.episodeId, job);
    try {
      const { download, changed } = await dispatchDownload(d.episodeId, { type: 'started' });
      if (!changed || !download) return; // cancelled or deleted meanwhile
      job.generation = download.generation;
      const manager = (await serviceWorkerRegistration()).backgroundFetch;
      if (download.strategy === 'background-fetch' && manager) {
        const started = await startBackgroundFetch(manager, download);
        if (started) watchBackgroundFetch(started);
        return;
      }
      // Loaded only where it runs: a browser with Background Fetch never needs it.
      const { runInPageDownload } = await import('./in-page-download.ts');
      const result = await runInPageDownload(download, {
        signal: job.controller.signal,
        stallMs: (await getSettingOrDefault('downloadStallSeconds')) * 1000,
        onProgress: (bytes, total) =>
          reportProgress(download.episodeId, download.generation, bytes, total),
      });
      if (result.kind === 'failed' && !job.controller.signal.aborted) {
        await dispatchFailure(d.episodeId, download.generation, result.failure, result.progressed);
      }
    } catch (error) {
      if (!job.controller.signal.aborted && job.generation !== undefined) {
        await dispatchFailure(d.episodeId, job.generation, asDownloadFailure(error));
      }
    } finally {
      if (this.jobs.get(d.episodeId) === job) this.jobs.delete(d.episodeId);
      this.wake();
    }
  }
}

/** The Network Information API, where the browser has it (Chromium). */
function connection(): EventTarget | undefined {
  return (navigator as { connection?: EventTarget }).connection;
}
