// Why a directory could not be used, in words for the listener and a code for the log.

/** What went wrong with one upstream. */
export type DirectoryFailureCode =
  'unreachable' | 'timeout' | 'bad-status' | 'busy' | 'malformed' | 'too-large' | 'refused';

/** One directory failed; `message` says so in plain words. */
export class DirectoryFailure extends Error {
  override name = 'DirectoryFailure';

  constructor(
    readonly code: DirectoryFailureCode,
    message: string,
    /** For 'busy': how long the directory asked us to wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** An answer that is not what the directory documents. */
export class MalformedAnswer extends DirectoryFailure {
  constructor(directory: string) {
    super('malformed', `${directory} sent an answer that could not be read.`);
  }
}
