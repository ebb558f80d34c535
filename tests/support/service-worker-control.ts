// Runs in the page: resolves once the app's service worker controls it.

/** Waits for the service worker to be active and in control of this page. */
export async function waitForServiceWorkerControl(): Promise<void> {
  await navigator.serviceWorker.ready;
  if (navigator.serviceWorker.controller) return;
  await new Promise((resolve) =>
    navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
  );
}
