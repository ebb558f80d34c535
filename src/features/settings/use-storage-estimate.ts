// The browser's own figures for the app's storage (navigator.storage), read again whenever the
// downloads change so the numbers follow what the listener deletes.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '../../db/database.ts';

/** Usage and quota in bytes, and whether storage is persistent; undefined while unknown. */
export interface StorageFigures {
  usage?: number;
  quota?: number;
  /** undefined where the browser cannot say (no navigator.storage.persisted). */
  persisted?: boolean;
}

/** The current figures; `refresh` reads them again (after asking for persistence, say). */
export function useStorageEstimate(): { figures?: StorageFigures; refresh: () => void } {
  const [figures, setFigures] = useState<StorageFigures>();
  const [asked, setAsked] = useState(0);
  // Any change to the downloads (a deletion, a finished download) changes this value.
  const downloadsVersion = useLiveQuery(async () =>
    JSON.stringify(await db.downloads.where('state').equals('downloaded').primaryKeys()),
  );
  useEffect(() => {
    let current = true;
    void readFigures().then((next) => current && setFigures(next));
    return () => {
      current = false;
    };
  }, [downloadsVersion, asked]);
  return { figures, refresh: () => setAsked((count) => count + 1) };
}

async function readFigures(): Promise<StorageFigures> {
  const storage = navigator.storage as StorageManager | undefined;
  const estimate = await storage?.estimate?.().catch(() => undefined);
  const persisted = await storage?.persisted?.().catch(() => undefined);
  return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}
