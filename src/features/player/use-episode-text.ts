// Loads and parses an episode's chapters or transcript file once per URL.
import { useEffect, useState } from 'react';
import { fetchEpisodeText } from './fetch-episode-text.ts';

/** What loading gives: the parsed value, an error in words, or neither while loading. */
export type Loaded<T> = { value?: T; error?: string; url?: string };

/** Fetches `url` and parses it with `parse`; nothing happens without a URL. */
export function useEpisodeText<T>(url: string | undefined, parse: (text: string) => T): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({});
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    fetchEpisodeText(url, controller.signal)
      .then((text) => setLoaded({ value: parse(text), url }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ error: error instanceof Error ? error.message : String(error), url });
      });
    return () => controller.abort();
  }, [url, parse]);
  // A result for an earlier URL is not shown for this one.
  return loaded.url === url ? loaded : {};
}
