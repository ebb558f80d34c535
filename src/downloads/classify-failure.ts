// After a failed attempt: cancelled, paused until the network returns, retried later, or failed.
import type { FailureReason } from '../db/schema.ts';
import { MAX_ATTEMPTS, retryDelay } from '../shared/retry-policy.ts';
import { FetchFailure } from './fetch-failure.ts';

export type Outcome =
  | { kind: 'cancelled' }
  | { kind: 'offline' }
  | { kind: 'retry'; delayMs: number; message: string }
  | { kind: 'fail'; reason: FailureReason; message: string };

/** Decides what follows a failure; `attempts` counts failures in a row, this one included. */
export function classifyFailure(
  error: unknown,
  attempts: number,
  online: boolean,
  signal?: AbortSignal,
): Outcome {
  const name = (error as { name?: unknown } | null)?.name;
  if (signal?.aborted || name === 'AbortError') return { kind: 'cancelled' };
  if (name === 'QuotaExceededError') {
    return {
      kind: 'fail',
      reason: 'quota-exceeded',
      message: 'There is not enough storage space for this episode.',
    };
  }
  const failure = error instanceof FetchFailure ? error : FetchFailure.network(describe(error));
  if (!failure.retryable) return { kind: 'fail', reason: failure.reason, message: failure.message };
  if (!online) return { kind: 'offline' };
  if (attempts >= MAX_ATTEMPTS) {
    return {
      kind: 'fail',
      reason: failure.reason,
      message: `${failure.message} Gave up after ${attempts} tries.`,
    };
  }
  return {
    kind: 'retry',
    delayMs: retryDelay(attempts, failure.retryAfter),
    message: failure.message,
  };
}

function describe(error: unknown): string {
  return error instanceof TypeError
    ? 'The connection to the server failed.'
    : String((error as Error)?.message ?? error);
}
