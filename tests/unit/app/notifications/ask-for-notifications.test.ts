// Notification permission: asked at the first background download only, and never again after a
// refusal or a dismissed prompt.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { askForNotificationsOnce } from '../../../../src/features/downloads/ask-for-notifications.ts';

let permission: NotificationPermission;
const requestPermission = vi.fn(async () => permission);

beforeEach(async () => {
  await db.delete();
  await db.open();
  permission = 'default';
  requestPermission.mockClear();
  vi.stubGlobal('Notification', {
    get permission() {
      return permission;
    },
    requestPermission,
  });
  // jsdom has no service workers; Chromium's Background Fetch lives on their registration.
  vi.stubGlobal('ServiceWorkerRegistration', { prototype: { backgroundFetch: {} } });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('askForNotificationsOnce', () => {
  it('asks the first time only, even when the listener just closed the prompt', async () => {
    await askForNotificationsOnce();
    await askForNotificationsOnce();
    expect(requestPermission).toHaveBeenCalledOnce();
  });

  it('does not ask when the browser already has an answer', async () => {
    permission = 'denied';
    await askForNotificationsOnce();
    permission = 'granted';
    await askForNotificationsOnce();
    expect(requestPermission).not.toHaveBeenCalled();
  });

  it('does not ask where downloads run in the page (no Background Fetch)', async () => {
    vi.stubGlobal('ServiceWorkerRegistration', { prototype: {} });
    await askForNotificationsOnce();
    expect(requestPermission).not.toHaveBeenCalled();
  });
});
