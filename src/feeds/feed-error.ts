// An error whose message is written for the listener.

/** A feed could not be fetched or read; `message` says what happened in plain words. */
export class FeedError extends Error {
  override name = 'FeedError';
}
