// What a page that failed (its code did not load, or it broke while rendering) shows instead.
import type { FallbackProps } from 'react-error-boundary';

/** Says what went wrong, and offers a reload; the rest of the app keeps working. */
export function PageError({ error }: FallbackProps) {
  const reason = error instanceof Error ? error.message : String(error);
  return (
    <section className="state" aria-labelledby="page-error-heading">
      <h1 id="page-error-heading">This page could not be shown</h1>
      <p role="alert">
        {navigator.onLine ? reason : 'You are offline, and this page is not stored yet.'}
      </p>
      <button type="button" onClick={() => location.reload()}>
        Reload
      </button>
    </section>
  );
}
