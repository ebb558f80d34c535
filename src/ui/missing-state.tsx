// What a page shows when the thing it is for is not there (an unknown address, a podcast or an
// episode no longer in the library): a heading, why, and the way back to the library.
import { Link } from 'wouter';

/** A not-found state; `alert` makes the reason an alert (the page was asked for by name). */
export function MissingState({
  id,
  title,
  reason,
  alert = false,
}: {
  id: string;
  title: string;
  reason: string;
  alert?: boolean;
}) {
  return (
    <section className="state" aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      {alert ? <p role="alert">{reason}</p> : <p className="muted">{reason}</p>}
      <Link href="/" className="button-link">
        Back to the library
      </Link>
    </section>
  );
}
