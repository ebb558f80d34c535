// Persistent storage: whether the browser may clear the downloads when space runs low, and the
// request to keep them. Where the browser has no such request (Safari), it says so plainly.
import { useState } from 'react';

/** The persistence state in words, and the button to ask for it where there is one. */
export function PersistenceControl({
  persisted,
  onAsked,
}: {
  persisted?: boolean;
  onAsked: () => void;
}) {
  const [answer, setAnswer] = useState<string>();
  const canAsk = typeof navigator.storage?.persist === 'function';
  async function ask() {
    const granted = await navigator.storage.persist().catch(() => false);
    setAnswer(
      granted
        ? 'Done: the browser will keep your downloads until you delete them.'
        : 'The browser said no. Browsers grant this to apps you use often or install; try again after installing Longwave.',
    );
    onAsked();
  }
  if (!canAsk) {
    return (
      <p className="notice">
        This browser does not let apps ask for persistent storage. It may delete downloads when the
        device runs low on space or when Longwave goes unused for a while, so play downloaded
        episodes before long trips, and add the app to your Home Screen.
      </p>
    );
  }
  return (
    <div className="persistence">
      <p>
        {persisted
          ? 'Storage is persistent: the browser will not clear your downloads to make room.'
          : 'Storage is not persistent: the browser may clear your downloads when the device runs low on space.'}
      </p>
      {!persisted && (
        <button type="button" onClick={() => void ask()}>
          Keep downloads on this device
        </button>
      )}
      {answer && <p role="status">{answer}</p>}
    </div>
  );
}
