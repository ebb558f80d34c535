// A download failure with the spec's reason, words a listener understands, and whether to retry.
import type { FailureReason } from '../db/schema.ts';
import { isRetryableStatus } from '../shared/retry-policy.ts';

const statusWords: Record<number, string> = {
  401: 'The server wants a login for this episode (401).',
  403: 'The server refused access to this episode (403).',
  404: 'The episode file is not on the server (404).',
  410: 'The episode file was removed from the server (410).',
  429: 'The server is busy (429); trying again shortly.',
};

/** Thrown by the download code; `retryable` drives the retry policy, `message` is shown. */
export class FetchFailure extends Error {
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
  static fromResponse(response: Response): FetchFailure {
    const { status } = response;
    const words = statusWords[status] ?? `The server answered with an error (${status}).`;
    return new FetchFailure(
      'bad-status',
      words,
      isRetryableStatus(status),
      response.headers.get('Retry-After'),
    );
  }

  /** The connection failed or stalled: worth retrying. */
  static network(message = 'The connection to the server failed.'): FetchFailure {
    return new FetchFailure('fetch-error', message, true);
  }
}
