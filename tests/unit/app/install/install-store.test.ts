// The install state follows the browser's events: a deferred prompt shows the button, using it or
// `appinstalled` hides it, and the browser's own mini-infobar is suppressed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  resetInstallStore,
  useInstallStore,
  watchInstallState,
} from '../../../../src/features/install/install-store.ts';

function installPromptEvent(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true });
  const prompt = vi.fn(async () => undefined);
  Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome, platform: 'web' }) });
  return { event, prompt };
}

afterEach(resetInstallStore);

describe('install state', () => {
  watchInstallState();

  it('keeps the prompt for the button and stops the browser showing its own', () => {
    const { event } = installPromptEvent('accepted');
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(useInstallStore.getState().prompt).toBe(event);
  });

  it('shows the prompt once; an accepted install marks the app installed', async () => {
    const { event, prompt } = installPromptEvent('accepted');
    window.dispatchEvent(event);
    await useInstallStore.getState().install();
    expect(prompt).toHaveBeenCalledOnce();
    expect(useInstallStore.getState()).toMatchObject({ prompt: null, installed: true });
  });

  it('a dismissed prompt is used up but does not count as installed', async () => {
    const { event } = installPromptEvent('dismissed');
    window.dispatchEvent(event);
    await useInstallStore.getState().install();
    expect(useInstallStore.getState()).toMatchObject({ prompt: null, installed: false });
  });

  it('appinstalled (from the browser menu too) drops the prompt', () => {
    window.dispatchEvent(installPromptEvent('accepted').event);
    window.dispatchEvent(new Event('appinstalled'));
    expect(useInstallStore.getState()).toMatchObject({ prompt: null, installed: true });
  });
});
