// The page's one door to the service worker: registration, updates and messages.
import { useRegisterSW } from 'virtual:pwa-register/react';
import { isWorkerMessage, type PageMessage, type WorkerMessage } from './shared/messages.ts';

/** Registers the service worker and reports whether an update is waiting. */
export function useServiceWorker() {
  const {
    needRefresh: [updateWaiting],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  return { updateWaiting, applyUpdate: () => updateServiceWorker(true) };
}

/** The active service worker registration, once there is one. */
export function serviceWorkerRegistration(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.ready;
}

/** Sends a message to the active service worker. */
export async function postToServiceWorker(message: PageMessage): Promise<void> {
  const registration = await serviceWorkerRegistration();
  registration.active?.postMessage(message);
}

/** Calls `handler` for every message from the service worker; returns the unsubscribe function. */
export function onServiceWorkerMessage(handler: (message: WorkerMessage) => void): () => void {
  const listener = (event: MessageEvent) => {
    if (isWorkerMessage(event.data)) handler(event.data);
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}
