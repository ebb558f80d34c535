// The page's one door to the service worker: registration, updates and messages.
import { useRegisterSW } from 'virtual:pwa-register/react';
import { isWorkerMessage, type PageMessage, type WorkerMessage } from './shared/messages.ts';

/** Registers the service worker and reports whether an update is waiting. */
export function useServiceWorker() {
  const {
    needRefresh: [updateWaiting, setUpdateWaiting],
  } = useRegisterSW({
    immediate: true,
    // applyUpdate reloads on controllerchange; the plugin must not reload a second time.
    onNeedReload: () => undefined,
  });
  return { updateWaiting, applyUpdate, dismissUpdate: () => setUpdateWaiting(false) };
}

/** Activates the waiting service worker, then reloads once it controls the page. */
export async function applyUpdate(): Promise<void> {
  const waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
  if (!waiting) {
    // Another tab already activated it: this page just needs the new version's files.
    window.location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  post(waiting, { type: 'SKIP_WAITING' });
}

/** The active service worker registration, once there is one. */
export function serviceWorkerRegistration(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.ready;
}

/** Sends a message to the active service worker. */
export async function postToServiceWorker(message: PageMessage): Promise<void> {
  const registration = await serviceWorkerRegistration();
  if (registration.active) post(registration.active, message);
}

/** Calls `handler` for every message from the service worker; returns the unsubscribe function. */
export function onServiceWorkerMessage(handler: (message: WorkerMessage) => void): () => void {
  const listener = (event: MessageEvent) => {
    if (isWorkerMessage(event.data)) handler(event.data);
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}

function post(worker: ServiceWorker, message: PageMessage): void {
  worker.postMessage(message);
}
