// Subscribe by feed address; a failure says what happened and leaves the library as it was.
// The browser's own URL validation is off: its bubble is not in the page, and our messages are
// clearer ("feed:" addresses and missing schemes are even accepted).
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { messageOf, subscribe } from './library-actions.ts';

/** The Feed URL field and Subscribe button. */
export function SubscribeForm() {
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = String(new FormData(event.currentTarget).get('feedUrl') ?? '');
    setBusy(true);
    setError(undefined);
    try {
      navigate(`/podcast/${await subscribe(input)}`);
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subscribe-form" noValidate onSubmit={(event) => void submit(event)}>
      <label htmlFor="feed-url">Feed URL</label>
      <input
        id="feed-url"
        name="feedUrl"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://example.com/feed.xml"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'feed-url-error' : undefined}
      />
      <button type="submit" disabled={busy}>
        {busy ? 'Subscribing…' : 'Subscribe'}
      </button>
      {busy && (
        <p role="status" className="muted">
          Reading the feed…
        </p>
      )}
      {error && (
        <p id="feed-url-error" role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
