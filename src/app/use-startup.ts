// Work done once when the app opens: subscribe the demo on first run, resume downloads.
import { useEffect, useState } from 'react';
import { startDownloadScheduler } from '../downloads/download-scheduler.ts';
import { subscribeDemoOnce } from './subscribe-demo.ts';

let startup: Promise<void> | undefined;

/** Runs start-up work once per page; returns a message when it failed. */
export function useStartup(): string | undefined {
  const [error, setError] = useState<string>();
  useEffect(() => {
    startDownloadScheduler();
    startup ??= subscribeDemoOnce();
    startup.catch((reason: unknown) => {
      setError(reason instanceof Error ? reason.message : String(reason));
    });
  }, []);
  return error;
}
