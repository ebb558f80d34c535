// The one place a download record changes: nextDownload(record, event) returns the next record.
// The page (buttons, scheduler, in-page downloader) and the service worker (Background Fetch
// events) all write through dispatchDownload in downloads.ts, which calls this. Every rule of
//
//   queued → downloading ⇄ paused → downloaded | failed | cancelled
//
// is here: what each event may change, from which states, and which attempt (generation) it
// must come from. An event that does not apply returns the record unchanged (the same object).
import type { DownloadFailure } from '../shared/fetch-failure.ts';
import { MAX_ATTEMPTS, retryDelay } from '../shared/retry-policy.ts';
import type { Download, DownloadStrategy } from './schema.ts';

/** Everything that happens to a download. Events from a running attempt carry its generation. */
export type DownloadEvent =
  /** The listener (or an automatic download) asks for the episode. */
  | {
      type: 'requested';
      title: string;
      sourceUrl: string;
      artworkUrl?: string;
      strategy: DownloadStrategy;
    }
  /** The listener presses Retry download on a failed one. */
  | { type: 'retried' }
  /** The scheduler starts a new attempt (first, after a pause, or replacing a lost one). */
  | { type: 'started' }
  /** The network is back and the attempt carries on by itself (a Background Fetch). */
  | { type: 'resumed'; generation: number }
  /**
   * The attempt waits for a page: the service worker (no window open) began a Background Fetch,
   * which Chrome starts paused, or refuses outright (Chromium 156, as the spec now says: fetch()
   * is for pages and workers only). The page starts the attempt again.
   */
  | { type: 'held'; generation: number }
  /** The attempt learned what it is fetching. */
  | {
      type: 'responded';
      generation: number;
      fetchUrl: string;
      bytesTotal?: number;
      etag?: string;
      lastModified?: string;
      contentType?: string;
    }
  | { type: 'progressed'; generation: number; bytesDone: number; bytesTotal?: number }
  /** A Background Fetch ended and the service worker is storing its audio. */
  | { type: 'storing'; generation: number }
  /** The whole audio is stored and can be played. */
  | { type: 'stored'; generation: number; bytes: number; contentType?: string }
  /** The network went away: whatever runs waits for it. */
  | { type: 'went-offline' }
  /** The attempt failed; `jitter` (0–1) spreads retries out, `progressed` says bytes arrived. */
  | {
      type: 'failed';
      generation: number;
      failure: DownloadFailure;
      progressed: boolean;
      online: boolean;
      jitter: number;
    }
  /** The listener cancelled (no generation), or the browser's download UI did (its generation). */
  | { type: 'cancelled'; generation?: number }
  /** The listener deleted the download, or its audio is gone. */
  | { type: 'deleted' }
  /** Audio downloaded before Downloads v2 was moved to its parts: this is its real size. */
  | { type: 'moved'; bytes: number };

const RUNNING = new Set<Download['state']>(['queued', 'downloading', 'paused']);

/** Whether the download is waiting, running or paused (not yet settled). */
export function isRunning(download: Pick<Download, 'state'>): boolean {
  return RUNNING.has(download.state);
}

/**
 * Whether the download's stored audio is kept: while it runs, once downloaded, and after a full
 * disk (a retry once there is room goes on from the last stored byte).
 */
export function keepsAudio(download: Pick<Download, 'state' | 'failureReason'>): boolean {
  return (
    isRunning(download) ||
    download.state === 'downloaded' ||
    download.failureReason === 'quota-exceeded'
  );
}

/** The record after `event` at time `now`; `current` itself when the event does not apply. */
export function nextDownload(
  current: Download | undefined,
  event: DownloadEvent,
  episodeId: string,
  now: number,
): Download | undefined {
  if (event.type === 'deleted') return undefined;
  if (event.type === 'requested') {
    if (current && current.state !== 'cancelled' && current.state !== 'failed') return current;
    return {
      episodeId,
      state: 'queued',
      strategy: event.strategy,
      // Kept across a download deleted and asked for again, so old attempts stay old.
      generation: current?.generation ?? 0,
      sourceUrl: event.sourceUrl,
      artworkUrl: event.artworkUrl,
      title: event.title,
      bytesDone: 0,
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    };
  }
  if (!current) return current;
  const change = applies(current, event, now);
  return change === undefined ? current : { ...change, updatedAt: now };
}

/** The changed record, or undefined when the event does not apply to `current`. */
function applies(current: Download, event: DownloadEvent, now: number): Download | undefined {
  const { state } = current;
  const sameAttempt = 'generation' in event && event.generation === current.generation;
  switch (event.type) {
    case 'retried':
      if (state !== 'failed') return undefined;
      return { ...settledFields(current), state: 'queued', attempts: 0, createdAt: now };
    case 'started':
      if (state !== 'queued' && state !== 'paused' && state !== 'downloading') return undefined;
      return {
        ...settledFields(current),
        state: 'downloading',
        // Unique across attempts and across the record being deleted and made again.
        generation: Math.max(current.generation + 1, now),
      };
    case 'resumed':
      if (state !== 'paused' || !sameAttempt) return undefined;
      return { ...current, state: 'downloading', pauseReason: undefined, nextRetryAt: undefined };
    case 'held':
      // Already finished and being stored: nothing is held any more.
      if (state !== 'downloading' || !sameAttempt || current.storingSince !== undefined) {
        return undefined;
      }
      return { ...current, state: 'paused', pauseReason: 'held', nextRetryAt: undefined };
    case 'responded':
      if (state !== 'downloading' || !sameAttempt) return undefined;
      return {
        ...current,
        fetchUrl: event.fetchUrl,
        bytesTotal: event.bytesTotal,
        etag: event.etag,
        lastModified: event.lastModified,
        contentType: event.contentType ?? current.contentType,
      };
    case 'progressed':
      if (state !== 'downloading' || !sameAttempt) return undefined;
      return {
        ...current,
        bytesDone: event.bytesDone,
        bytesTotal: event.bytesTotal ?? current.bytesTotal,
      };
    case 'storing':
      // A Background Fetch finishes even while the page thought it was offline.
      if ((state !== 'downloading' && state !== 'paused') || !sameAttempt) return undefined;
      return { ...settledFields(current), state: 'downloading', storingSince: now };
    case 'stored':
      if ((state !== 'downloading' && state !== 'paused') || !sameAttempt) return undefined;
      return {
        ...settledFields(current),
        state: 'downloaded',
        bytesDone: event.bytes,
        bytesTotal: event.bytes,
        contentType: event.contentType ?? current.contentType,
        attempts: 0,
        downloadedAt: now,
      };
    case 'went-offline':
      if (
        state !== 'downloading' &&
        !(
          state === 'paused' &&
          (current.pauseReason === 'retry' || current.pauseReason === 'web-page')
        )
      ) {
        return undefined;
      }
      if (current.storingSince !== undefined) return undefined;
      return { ...current, state: 'paused', pauseReason: 'offline', nextRetryAt: undefined };
    case 'failed':
      if ((state !== 'downloading' && state !== 'paused') || !sameAttempt) return undefined;
      return afterFailure(current, event, now);
    case 'cancelled':
      if (!isRunning(current)) return undefined;
      if (event.generation !== undefined && !sameAttempt) return undefined;
      return {
        ...settledFields(current),
        state: 'cancelled',
        bytesDone: 0,
        failureReason: 'aborted',
      };
    case 'moved':
      if (state !== 'downloaded') return undefined;
      return { ...current, bytesDone: event.bytes, bytesTotal: event.bytes };
    default:
      return undefined;
  }
}

/** What follows a failed attempt: wait for the network, try again later, or give up. */
function afterFailure(
  current: Download,
  event: Extract<DownloadEvent, { type: 'failed' }>,
  now: number,
): Download {
  const { failure } = event;
  if (failure.reason === 'web-page') {
    // Trying again on the same connection gets the same page: wait for the connection to change
    // (the scheduler starts it again then), however often that happens.
    return {
      ...settledFields(current),
      state: 'paused',
      pauseReason: 'web-page',
      failureMessage: failure.message,
    };
  }
  // Failures in a row count; an attempt that brought bytes starts the count again.
  const attempts = event.progressed ? 1 : current.attempts + 1;
  const base = {
    ...settledFields(current),
    attempts,
    failureMessage: failure.message,
    sizeVaries: current.sizeVaries || failure.reason === 'download-total-exceeded' || undefined,
  };
  if (failure.retryable && !event.online) {
    return { ...base, state: 'paused', pauseReason: 'offline' };
  }
  if (!failure.retryable || attempts >= MAX_ATTEMPTS) {
    const gaveUp = failure.retryable ? ` Gave up after ${attempts} tries.` : '';
    return {
      ...base,
      state: 'failed',
      bytesDone: failure.reason === 'quota-exceeded' ? current.bytesDone : 0,
      failureReason: failure.reason,
      failureMessage: failure.message + gaveUp,
    };
  }
  const delay = retryDelay(attempts, failure.retryAfter, now, () => event.jitter);
  return { ...base, state: 'paused', pauseReason: 'retry', nextRetryAt: now + delay };
}

/** The record without anything that belongs to one attempt's waiting or ending. */
function settledFields(current: Download): Download {
  return {
    ...current,
    pauseReason: undefined,
    nextRetryAt: undefined,
    failureReason: undefined,
    failureMessage: undefined,
    storingSince: undefined,
  };
}
