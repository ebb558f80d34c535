// The error a write of a download attempt meets once that attempt no longer runs (cancelled,
// paused, replaced by a newer one, or deleted): the writer stops quietly, nothing is stored.

/** Thrown instead of writing for an attempt that has ended. */
export class AttemptEnded extends Error {
  override name = 'AttemptEnded';

  constructor() {
    super('That download attempt is no longer running.');
  }
}

/** Whether `error` says that the attempt ended (rather than that something failed). */
export function isAttemptEnded(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AttemptEnded';
}
