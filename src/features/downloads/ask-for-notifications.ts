// Notification permission, asked at the one moment it makes sense: the listener's first download
// that the browser carries on in the background. Asked once; a refusal is never asked again.
import { getSetting, setSetting } from '../../db/settings.ts';

/** Asks for notification permission from a Download click, the first time only. */
export async function askForNotificationsOnce(): Promise<void> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  // Only background downloads end while the app is away; the in-page ones are seen in the app.
  if (!('backgroundFetch' in ServiceWorkerRegistration.prototype)) return;
  if (await getSetting('notificationPermissionAsked')) return;
  await setSetting('notificationPermissionAsked', true);
  await Notification.requestPermission();
}
