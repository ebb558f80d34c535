// Tells every open page something the service worker did, through the typed message union.
import type { WorkerMessage } from '../src/shared/messages.ts';

declare const self: ServiceWorkerGlobalScope;

/** Posts `message` to every window of the app. */
export async function notifyClients(message: WorkerMessage): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) client.postMessage(message);
}
