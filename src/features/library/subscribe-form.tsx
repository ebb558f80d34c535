// Subscribe by feed address; a failure says what happened and leaves the library as it was.
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { saveFeed } from '../../db/library.ts';
import { fetchFeed } from '../../feeds/fetch-feed.ts';

/** The Feed URL field and Subscribe button. */
export function SubscribeForm() {
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function subscribe(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const url = String(new FormData(event.currentTarget).get('feedUrl') ?? '').trim();
    setBusy(true);
    setError(undefined);
    try {
      const podcastId = await saveFeed(url, await fetchFeed(url));
      navigate(`/podcast/${podcastId}`);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subscribe-form" onSubmit={(event) => void subscribe(event)}>
      <label htmlFor="feed-url">Feed URL</label>
      <input
        id="feed-url"
        name="feedUrl"
        type="url"
        required
        placeholder="https://example.com/feed.xml"
      />
      <button type="submit" disabled={busy}>
        {busy ? 'Subscribing…' : 'Subscribe'}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
