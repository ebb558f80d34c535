// The page for an address the app does not know.
import { Link } from 'wouter';

/** Says the page does not exist and offers the way back. */
export function NotFoundPage() {
  return (
    <section className="state" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">Page not found</h1>
      <p className="muted">This address is not part of Longwave.</p>
      <Link href="/" className="button-link">
        Back to the library
      </Link>
    </section>
  );
}
