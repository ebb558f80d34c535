// The page's side of the feed worker: one Worker per page, started when first needed, called
// through comlink. A Result that carries an error is thrown again as the FeedError it was.
import { proxy, wrap, type Remote } from 'comlink';
import type { FeedWorkerApi, Result } from './feed-worker-api.ts';
import { FeedError } from './feed-error.ts';

let remote: Remote<FeedWorkerApi> | undefined;

/** The feed worker, started on first use. */
export function feedWorker(): Remote<FeedWorkerApi> {
  remote ??= wrap<FeedWorkerApi>(
    new Worker(new URL('./feed-worker.ts', import.meta.url), {
      type: 'module',
      name: 'longwave-feeds',
    }),
  );
  return remote;
}

/** The value of `result`, or its error thrown as a FeedError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new FeedError(result.error.kind, result.error.message, result.error.retryAt);
}

/** A callback the worker may call back on the page. */
export function callback<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return proxy(fn);
}
