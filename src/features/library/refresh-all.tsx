// "Refresh all": every podcast's feed checked for new episodes, with a summary of what happened.
import { useState } from 'react';
import { refreshAll, type RefreshSummary } from './library-actions.ts';

/** The Refresh all button and its result. */
export function RefreshAll() {
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<RefreshSummary>();
  async function run() {
    setBusy(true);
    setSummary(undefined);
    try {
      setSummary(await refreshAll());
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void run()}>
        {busy ? 'Refreshing…' : 'Refresh all'}
      </button>
      {summary && (
        <div role="status" className="tool-result">
          <p>{describe(summary)}</p>
          {summary.failed.length > 0 && (
            <ul className="error">
              {summary.failed.map((failure) => (
                <li key={failure.title}>
                  {failure.title}: {failure.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

function describe({ refreshed, added, failed }: RefreshSummary): string {
  const news =
    added === 0 ? 'no new episodes' : added === 1 ? '1 new episode' : `${added} new episodes`;
  const checked = `Checked ${refreshed} ${refreshed === 1 ? 'podcast' : 'podcasts'}: ${news}.`;
  return failed.length === 0 ? checked : `${checked} ${failed.length} could not be refreshed.`;
}
