// The page for an address the app does not know.
import { MissingState } from '../ui/missing-state.tsx';

/** Says the page does not exist and offers the way back. */
export function NotFoundPage() {
  return (
    <MissingState
      id="not-found-heading"
      title="Page not found"
      reason="This address is not part of Longwave."
    />
  );
}
