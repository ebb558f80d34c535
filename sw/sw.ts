// Longwave's service worker: wires events to the modules that handle them, nothing more.
import type { PrecacheEntry } from 'workbox-precaching';
import { migrateLegacyMedia } from '../src/db/legacy-media.ts';
import { isPageMessage } from '../src/shared/messages.ts';
import { registerArtworkRoute } from './artwork-route.ts';
import {
  onBackgroundFetchAbort,
  onBackgroundFetchClick,
  onBackgroundFetchFail,
  onBackgroundFetchSuccess,
} from './background-fetch-events.ts';
import { registerMediaRoute } from './media-route.ts';
import { onNotificationClick } from './notifications.ts';
import { onPeriodicSync } from './periodic-refresh.ts';
import { setUpPrecache } from './precache.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

setUpPrecache(self.__WB_MANIFEST);
registerMediaRoute();
registerArtworkRoute();

self.addEventListener('backgroundfetchsuccess', onBackgroundFetchSuccess);
self.addEventListener('backgroundfetchfail', onBackgroundFetchFail);
self.addEventListener('backgroundfetchabort', onBackgroundFetchAbort);
self.addEventListener('backgroundfetchclick', onBackgroundFetchClick);
self.addEventListener('notificationclick', onNotificationClick);
self.addEventListener('periodicsync', onPeriodicSync);

self.addEventListener('message', (event) => {
  if (isPageMessage(event.data) && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
});
// Audio downloaded by an earlier version moves to the episode's own storage before any page of
// this version asks for it (fetches wait for activation).
self.addEventListener('activate', (event) =>
  event.waitUntil(Promise.all([migrateLegacyMedia().catch(console.error), self.clients.claim()])),
);
