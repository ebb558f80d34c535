// A download failure with the spec's reason and words a listener understands.
import type { FailureReason } from '../db/schema.ts';

const statusWords: Record<number, string> = {
  401: 'The server wants a login for this episode.',
  403: 'The server refused access to this episode (403).',
  404: 'The episode file is gone from the server (404).',
  410: 'The episode file was removed from the server (410).',
};

/** Thrown by the download code; `reason` drives retry decisions, `message` is shown. */
export class FetchFailure extends Error {
  override name = 'FetchFailure';

  constructor(
    readonly reason: FailureReason,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** A failure for an HTTP error status. */
  static fromStatus(status: number): FetchFailure {
    const words = statusWords[status] ?? `The server answered with an error (${status}).`;
    return new FetchFailure('bad-status', words, status);
  }
}
