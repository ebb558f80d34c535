// "Refresh" on a podcast's page: fetch its feed now and say what changed.
import { useState } from 'react';
import type { Podcast } from '../../db/schema.ts';
import { messageOf, refreshPodcast } from './library-actions.ts';

/** The Refresh button and its result. */
export function RefreshButton({ podcast }: { podcast: Podcast }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; failed: boolean }>();
  async function run() {
    setBusy(true);
    setResult(undefined);
    try {
      const added = await refreshPodcast(podcast);
      const text =
        added === 0
          ? 'No new episodes.'
          : added === 1
            ? '1 new episode.'
            : `${added} new episodes.`;
      setResult({ text, failed: false });
    } catch (error) {
      setResult({ text: messageOf(error), failed: true });
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void run()}>
        {busy ? 'Refreshing…' : 'Refresh'}
      </button>
      {result && (
        <p role={result.failed ? 'alert' : 'status'} className={result.failed ? 'error' : 'muted'}>
          {result.text}
        </p>
      )}
    </>
  );
}
