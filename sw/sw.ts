// Longwave's service worker: wires events to the modules that handle them, nothing more.
import type { PrecacheEntry } from 'workbox-precaching';
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
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
