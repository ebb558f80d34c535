// Work done once when the app opens: subscribe the demo on first run, re-attach downloads.
import { useEffect, useState } from 'react';
import { reconcileDownloads } from '../downloads/reconcile-downloads.ts';
import { subscribeDemoOnce } from './subscribe-demo.ts';

let startup: Promise<void> | undefined;

/** Runs start-up work once per page; returns a message when it failed. */
export function useStartup(): string | undefined {
  const [error, setError] = useState<string>();
  useEffect(() => {
    startup ??= Promise.all([subscribeDemoOnce(), reconcileDownloads()]).then(() => undefined);
    startup.catch((reason: unknown) => {
      setError(reason instanceof Error ? reason.message : String(reason));
    });
  }, []);
  return error;
}
