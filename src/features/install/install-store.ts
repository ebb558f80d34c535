// Install state the browser tells the page about: the deferred install prompt, whether the app runs
// installed, and whether it was installed from this page. Captured from start-up, because Chrome
// may fire `beforeinstallprompt` before React has rendered anything.
import { create } from 'zustand';

/** Chromium's `beforeinstallprompt` event (not in the DOM typings). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

interface InstallData {
  prompt: BeforeInstallPromptEvent | null;
  standalone: boolean;
  installed: boolean;
}

interface InstallActions {
  /** Shows the browser's install dialog; the prompt can be used once, so it is dropped. */
  install: () => Promise<void>;
}

const initial: InstallData = { prompt: null, standalone: false, installed: false };

/** The install slice. */
export const useInstallStore = create<InstallData & InstallActions>()((set, get) => ({
  ...initial,
  install: async () => {
    const { prompt } = get();
    if (!prompt) return;
    set({ prompt: null });
    await prompt.prompt();
    const { outcome } = await prompt.userChoice;
    if (outcome === 'accepted') set({ installed: true });
  },
}));

/** Back to the start (for tests). */
export function resetInstallStore(): void {
  useInstallStore.setState(initial);
}

let watching = false;

/** Starts listening for the install prompt, `appinstalled` and the display mode; once per page. */
export function watchInstallState(): void {
  if (watching) return;
  watching = true;
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's mini-infobar away; the Install app button offers the same prompt.
    event.preventDefault();
    useInstallStore.setState({ prompt: event as BeforeInstallPromptEvent });
  });
  window.addEventListener('appinstalled', () => {
    useInstallStore.setState({ prompt: null, installed: true });
  });
  const standalone = window.matchMedia?.('(display-mode: standalone)');
  const iosStandalone = (navigator as { standalone?: boolean }).standalone === true;
  useInstallStore.setState({ standalone: iosStandalone || Boolean(standalone?.matches) });
  standalone?.addEventListener('change', (event) => {
    useInstallStore.setState({ standalone: iosStandalone || event.matches });
  });
}
