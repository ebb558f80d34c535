// The app shell: precached at install, served offline, one navigation fallback for every route.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

/** Routes that are not app pages (the server's, and downloaded audio), so no navigation gets the shell. */
const SERVER_PATHS = [
  /^\/demo\//,
  /^\/proxy(?:[/?]|$)/,
  /^\/directory\//,
  /^\/(?:healthz|metrics)$/,
  /^\/media\//,
];

/** Precaches the build's files and answers navigations with the app shell. */
export function setUpPrecache(manifest: (string | PrecacheEntry)[]): void {
  precacheAndRoute(manifest);
  cleanupOutdatedCaches();
  registerRoute(
    new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: SERVER_PATHS }),
  );
}
