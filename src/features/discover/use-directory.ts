// Asks the directory for what Discover shows, `delayMs` after the request last changed (typing),
// dropping answers to requests that were replaced, and asking again when the network returns.
import { useEffect, useState } from 'react';
import {
  askDirectory,
  directoryPath,
  type DirectoryRequest,
  type DirectoryResult,
} from './ask-directory.ts';

/** The latest result (kept while a new one loads) and whether one is on its way. */
export function useDirectory(
  request: DirectoryRequest | undefined,
  delayMs: number,
): { result?: DirectoryResult; loading: boolean } {
  const path = request && directoryPath(request);
  const [answered, setAnswered] = useState<{ path: string; result: DirectoryResult }>();
  const [online, setOnline] = useState(0);
  useEffect(() => {
    const onOnline = () => setOnline((count) => count + 1);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);
  useEffect(() => {
    if (!request || !path) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      askDirectory(request, controller.signal).then(
        (result) => setAnswered({ path, result }),
        () => undefined, // aborted: a newer request took over
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // The request is compared by its address; `online` asks again when the network returns.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, delayMs, online]);
  if (!path) return { loading: false };
  return { result: answered?.result, loading: answered?.path !== path };
}
