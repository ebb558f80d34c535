// The service-worker event of Periodic Background Sync (WICG), missing from TypeScript's WebWorker lib.

interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

interface ServiceWorkerGlobalScopeEventMap {
  periodicsync: PeriodicSyncEvent;
}
