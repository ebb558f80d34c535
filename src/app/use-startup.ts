// Work done once when the app opens: subscribe the demo on first run, resume downloads, check
// that storage and the library agree, and keep downloads within the listener's storage settings.
import { useEffect, useState } from 'react';
import { describeRepairs } from '../downloads/describe-repairs.ts';
import { startDownloadScheduler } from '../downloads/download-scheduler.ts';
import { checkStorageOnce } from '../downloads/storage-check.ts';
import { startStorageJanitor } from '../downloads/storage-janitor.ts';
import { subscribeDemoOnce } from './subscribe-demo.ts';

let startup: Promise<void> | undefined;
let storageCheck: Promise<string | undefined> | undefined;

/** What start-up has to tell the listener: a failure, or a repair it made. */
export interface StartupNews {
  error?: string;
  repairs?: string;
}

/** Runs start-up work once per page. */
export function useStartup(): StartupNews {
  const [news, setNews] = useState<StartupNews>({});
  useEffect(() => {
    startDownloadScheduler();
    startStorageJanitor();
    startup ??= subscribeDemoOnce();
    startup.catch((reason: unknown) => {
      setNews((old) => ({
        ...old,
        error: reason instanceof Error ? reason.message : String(reason),
      }));
    });
    storageCheck ??= checkStorageOnce().then((report) => report && describeRepairs(report));
    storageCheck.then((repairs) => setNews((old) => ({ ...old, repairs })), console.error);
  }, []);
  return news;
}
