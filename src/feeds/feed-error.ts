// An error whose message is written for the listener, with a kind the code can act on.

/** What went wrong, in categories the UI and tests can tell apart. */
export type FeedErrorKind =
  | 'bad-url'
  | 'not-found'
  | 'bad-status'
  | 'html'
  | 'broken-xml'
  | 'not-a-feed'
  | 'too-large'
  | 'refused'
  | 'timeout'
  | 'unreachable'
  | 'busy';

/** A feed could not be fetched or read; `message` says what happened in plain words. */
export class FeedError extends Error {
  override name = 'FeedError';

  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    /** When the host said to ask again (Retry-After), in milliseconds since the epoch. */
    readonly retryAt?: number,
  ) {
    super(message);
  }
}
