// The Install app button in the header, or on iOS a dismissible Add to Home Screen hint.
import { useLiveQuery } from 'dexie-react-hooks';
import { getSetting, setSetting } from '../../db/settings.ts';
import { installOffer } from './install-offer.ts';
import { useInstallStore } from './install-store.ts';

/** The install button (header). */
export function InstallButton() {
  const offer = useInstallOffer();
  const install = useInstallStore((state) => state.install);
  if (offer !== 'button') return null;
  return (
    <button type="button" className="install-button" onClick={() => void install()}>
      Install app
    </button>
  );
}

/** The iOS hint (top of the page): Share, then Add to Home Screen. */
export function InstallHint() {
  const offer = useInstallOffer();
  if (offer !== 'ios-hint') return null;
  return (
    <aside className="banner" aria-label="Install Longwave">
      <p>
        Install Longwave: tap <strong>Share</strong>, then <strong>Add to Home Screen</strong>.
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() => void setSetting('installHintDismissed', true)}
      >
        Not now
      </button>
    </aside>
  );
}

function useInstallOffer() {
  const promptAvailable = useInstallStore((state) => state.prompt !== null);
  const standalone = useInstallStore((state) => state.standalone);
  const installed = useInstallStore((state) => state.installed);
  // null while the setting loads, so the hint never flashes for someone who closed it.
  const hintDismissed = useLiveQuery(() => getSetting('installHintDismissed'), [], null);
  return installOffer({
    promptAvailable,
    standalone,
    installed,
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    hintDismissed: hintDismissed !== undefined,
  });
}
