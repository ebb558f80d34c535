// After a failed Background Fetch: try again later (network, 5xx, 429) or give up (404, no space).
import type { Download } from '../src/db/schema.ts';
import { failureWords } from '../src/shared/failure-words.ts';
import { isRetryableStatus, MAX_ATTEMPTS, retryDelay } from '../src/shared/retry-policy.ts';

/** The changes to the download record that a failure with `reason` calls for. */
export function decideAfterFailedFetch(
  download: Download,
  reason: BackgroundFetchFailureReason,
  response: Response | undefined,
): Partial<Download> {
  if (reason === 'aborted') return { state: 'cancelled', bytesDone: 0, failureReason: 'aborted' };
  const status = response && response.status > 0 ? response.status : undefined;
  const message = status
    ? `The server answered ${status}. ${failureWords(reason)}`
    : failureWords(reason);
  const retryable =
    reason === 'fetch-error' ||
    reason === 'download-total-exceeded' ||
    (reason === 'bad-status' && (status === undefined || isRetryableStatus(status)));
  const attempts = download.attempts + 1;
  if (!retryable || attempts >= MAX_ATTEMPTS) {
    return {
      state: 'failed',
      attempts,
      failureReason: reason || 'fetch-error',
      failureMessage: message,
    };
  }
  const delay = retryDelay(attempts, response?.headers.get('Retry-After'));
  return {
    state: 'paused',
    pauseReason: 'retry',
    attempts,
    nextRetryAt: Date.now() + delay,
    failureMessage: message,
  };
}
