// Work done once when the app opens: subscribe the demo on first run, resume downloads, check
// that storage and the library agree, and keep downloads within the listener's storage settings.
import { useEffect, useState } from 'react';

let startup: Promise<void> | undefined;
let storageCheck: Promise<string | undefined> | undefined;
let artworkWatch: Promise<unknown> | undefined;

/** What start-up has to tell the listener: a failure, or a repair it made. */
export interface StartupNews {
  error?: string;
  repairs?: string;
}

/** The start-up parts of the download engine, as one lazily loaded set. */
function loadEngine() {
  return Promise.all([
    import('../downloads/download-scheduler.ts'),
    import('../downloads/storage-janitor.ts'),
    import('../downloads/storage-check.ts'),
    import('../downloads/describe-repairs.ts'),
  ]).then(([scheduler, janitor, check, describe]) => ({ scheduler, janitor, check, describe }));
}

/** Runs start-up work once per page. */
export function useStartup(): StartupNews {
  const [news, setNews] = useState<StartupNews>({});
  useEffect(() => {
    // The download engine loads just after the first screen: none of it is needed to draw it.
    const engine = loadEngine();
    engine.then(({ scheduler, janitor }) => {
      scheduler.startDownloadScheduler();
      janitor.startStorageJanitor();
    }, console.error);
    startup ??= import('./subscribe-demo.ts').then((demo) => demo.subscribeDemoOnce());
    startup.catch((reason: unknown) => {
      setNews((old) => ({
        ...old,
        error: reason instanceof Error ? reason.message : String(reason),
      }));
    });
    storageCheck ??= engine.then(async ({ check, describe }) => {
      const report = await check.checkStorageOnce();
      return report && describe.describeRepairs(report);
    });
    storageCheck.then((repairs) => setNews((old) => ({ ...old, repairs })), console.error);
    artworkWatch ??= import('../db/prune-artwork.ts').then((artwork) =>
      artwork.pruneArtworkOnUnsubscribe(),
    );
  }, []);
  return news;
}
