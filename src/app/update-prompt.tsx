// "Update available — Reload": shown while a new service worker waits, never blocking the app.
import type { useServiceWorker } from '../sw-bridge.ts';

/** A polite status region; it holds the prompt while an update waits. */
export function UpdatePrompt({
  updateWaiting,
  applyUpdate,
  dismissUpdate,
}: ReturnType<typeof useServiceWorker>) {
  return (
    <div role="status" className="toast-region">
      {updateWaiting && (
        <div className="toast">
          <p>Update available</p>
          <button type="button" onClick={() => void applyUpdate()}>
            Reload
          </button>
          <button type="button" className="secondary" onClick={dismissUpdate}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
