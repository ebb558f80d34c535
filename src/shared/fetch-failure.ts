// Why a download attempt failed: the Background Fetch spec's reason, words a listener understands,
// and whether trying again can help. Thrown by the in-page downloader, built from a failed
// Background Fetch in the service worker, and read by the download reducer.
import type { FailureReason } from '../db/schema.ts';
import { WEB_PAGE_MESSAGE } from './audio-signature.ts';
import { isRetryableStatus } from './retry-policy.ts';

/** A failure as the download reducer reads it (a FetchFailure, or one sent across a worker). */
export interface DownloadFailure {
  reason: FailureReason;
  message: string;
  retryable: boolean;
  /** The server's Retry-After, seconds or an HTTP date. */
  retryAfter?: string | null;
}

const statusWords: Record<number, string> = {
  401: 'The server wants a login for this episode (401).',
  403: 'The server refused access to this episode (403).',
  404: 'The episode file is not on the server (404).',
  410: 'The episode file was removed from the server (410).',
  429: 'The server is busy (429); trying again shortly.',
};

const reasonWords: Record<string, string> = {
  aborted: 'The download was cancelled.',
  'bad-status': 'The server answered with an error.',
  'fetch-error': 'The connection failed before the download finished.',
  'quota-exceeded': 'There is not enough storage space for this episode.',
  'download-total-exceeded': 'The file turned out larger than the server said.',
};

const SLOW_MESSAGE = 'The server did not answer in time.';

/** An Error that is also a DownloadFailure. */
export class FetchFailure extends Error implements DownloadFailure {
  override name = 'FetchFailure';

  constructor(
    readonly reason: FailureReason,
    message: string,
    readonly retryable: boolean,
    readonly retryAfter?: string | null,
  ) {
    super(message);
  }

  /** A failure for an HTTP error status; 5xx, 429 and 408 are worth retrying. */
  static fromStatus(status: number, retryAfter?: string | null): FetchFailure {
    const words = statusWords[status] ?? `The server answered with an error (${status}).`;
    return new FetchFailure('bad-status', words, isRetryableStatus(status), retryAfter);
  }

  /** A failure for an HTTP error response. */
  static fromResponse(response: Response): FetchFailure {
    return FetchFailure.fromStatus(response.status, response.headers.get('Retry-After'));
  }

  /** The connection failed or stalled: worth retrying. */
  static network(message = 'The connection to the server failed.'): FetchFailure {
    return new FetchFailure('fetch-error', message, true);
  }

  /** The server sent no answer in time: the network's failure, never a sign of missing CORS. */
  static slow(): FetchFailure {
    return FetchFailure.network(SLOW_MESSAGE);
  }

  /** Whether this failure is slow(). */
  get isSlow(): boolean {
    return this.message === SLOW_MESSAGE;
  }

  /** A web page came in place of the episode (a captive portal): wait for another connection. */
  static webPage(): FetchFailure {
    return new FetchFailure('web-page', WEB_PAGE_MESSAGE, true);
  }

  /** Something that is not audio came in place of the episode: retrying will not change it. */
  static notAudio(contentType: string | null | undefined): FetchFailure {
    const type = contentType ? ` (${contentType.split(';')[0]})` : '';
    return new FetchFailure(
      'not-audio',
      `The server sent something that is not an audio file${type}, so nothing was kept.`,
      false,
    );
  }

  /** Storage is full: retrying cannot help until the listener frees space. */
  static quota(): FetchFailure {
    return new FetchFailure('quota-exceeded', reasonWords['quota-exceeded']!, false);
  }

  /**
   * How a Background Fetch ended badly, from its failure reason and the audio's response (if one
   * arrived). Network errors, 5xx and 429 are retried; a total that turned out too small is
   * retried without one.
   */
  static fromBackgroundFetch(
    reason: BackgroundFetchFailureReason,
    response: Response | undefined,
  ): FetchFailure {
    const status = response && response.status > 0 ? response.status : undefined;
    if (reason === 'bad-status' && status) return FetchFailure.fromResponse(response!);
    const words = reasonWords[reason] ?? 'The download failed.';
    if (reason === 'quota-exceeded') return FetchFailure.quota();
    const retryable = reason !== 'aborted';
    return new FetchFailure(reason || 'fetch-error', words, retryable);
  }
}

/** Any error as a DownloadFailure: a quota error as such, anything unknown as a network failure. */
export function asDownloadFailure(error: unknown): DownloadFailure {
  if (error instanceof FetchFailure) return error;
  if (isQuotaError(error)) return FetchFailure.quota();
  return FetchFailure.network(
    error instanceof TypeError
      ? 'The connection to the server failed.'
      : String((error as Error)?.message ?? error),
  );
}

/** A full disk, as storage reports it: IndexedDB aborts the transaction, and Dexie wraps that. */
function isQuotaError(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { inner?: unknown }).inner) {
    if ((cause as { name?: unknown }).name === 'QuotaExceededError') return true;
  }
  return false;
}
