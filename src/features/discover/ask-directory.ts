// Asks the app's server for podcasts (/directory/search, /directory/top): never a directory
// itself, which would need CORS it does not send (and a key the page must not have). Each answer
// is kept on the device; offline, or when the directory fails, the kept one is shown instead,
// with a message saying so.
import { genreName } from './apple-genres.ts';
import type { DirectoryAnswer } from '../../shared/directory-answer.ts';
import { readAnswer } from './directory-answer.ts';
import { keepAnswer, keptAnswer } from './kept-answers.ts';
import { countryName } from './store-countries.ts';

/** A search, or a chart of one genre (Apple's id; 26 for all) in one store country. */
export type DirectoryRequest =
  | { kind: 'search'; term: string; country: string }
  | { kind: 'top'; genre: number; country: string };

/** What Discover shows: an answer, and whether it is a kept one (and for which request). */
export interface DirectoryResult extends DirectoryAnswer {
  /** Set when this answer is an earlier one, shown because a new one could not be had. */
  kept?: { savedAt: number; path: string };
}

/**
 * Longer than the server's own worst case: a chart is two upstream requests in a row (the chart,
 * then a lookup of its feeds), each allowed 8 s after up to 5 s of DNS. Giving up sooner showed
 * "could not be reached" while the server was still fetching the real answer.
 */
const TIMEOUT_MS = 30_000;

/** The address on the app's server for `request`. */
export function directoryPath(request: DirectoryRequest): string {
  const params: Record<string, string> =
    request.kind === 'search'
      ? { term: request.term.trim(), country: request.country }
      : { genre: String(request.genre), country: request.country };
  return `/directory/${request.kind}?${new URLSearchParams(params).toString()}`;
}

/** The podcasts for `request`; never throws except when `signal` aborts. */
export async function askDirectory(
  request: DirectoryRequest,
  signal?: AbortSignal,
): Promise<DirectoryResult> {
  const path = directoryPath(request);
  let problem: string;
  try {
    const response = await fetch(path, {
      headers: { Accept: 'application/json' },
      // Revalidated (a 304 when unchanged) rather than taken from the HTTP cache unasked, so an
      // answer that could not be had is shown as a kept one, with words saying so.
      cache: 'no-cache',
      signal: signal
        ? AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)])
        : AbortSignal.timeout(TIMEOUT_MS),
    });
    const answer = readAnswer(await response.json().catch(() => undefined));
    if (response.ok && answer) {
      void keepAnswer(path, answer);
      return answer;
    }
    problem =
      answer?.message ??
      `The directory could not be searched (the server answered ${response.status}).`;
    // A request the server refused as asked (a bad term) has nothing kept to fall back on.
    if (response.status === 400)
      return { podcasts: [], fetchedAt: new Date().toISOString(), message: problem };
  } catch (error) {
    if (signal?.aborted) throw error;
    problem = navigator.onLine ? 'The podcast directory could not be reached.' : 'You are offline.';
  }
  const kept = await keptAnswer(path, `/directory/${request.kind}`);
  if (!kept) {
    return {
      podcasts: [],
      fetchedAt: new Date().toISOString(),
      message: `${problem} ${request.kind === 'search' ? 'No earlier results are kept on this device.' : 'No earlier chart is kept on this device.'}`,
    };
  }
  return {
    ...kept.answer,
    message: `${problem} ${describeKept(kept.path, kept.savedAt, path)}`,
    kept: { savedAt: kept.savedAt, path: kept.path },
  };
}

/** "Showing the results kept on 1 Dec, 10:32 for “news”." and the like. */
function describeKept(keptPath: string, savedAt: number, askedPath: string): string {
  const when = new Date(savedAt).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const url = new URL(keptPath, location.origin);
  if (url.pathname === '/directory/top') {
    if (keptPath === askedPath) return `Showing the chart kept on ${when}.`;
    const genre = genreName(Number(url.searchParams.get('genre'))) ?? 'All podcasts';
    const country = countryName(url.searchParams.get('country') ?? 'us');
    return `Showing the last chart kept: ${genre}, ${country} (on ${when}).`;
  }
  const term = url.searchParams.get('term') ?? '';
  return keptPath === askedPath
    ? `Showing the results kept on ${when}.`
    : `Showing the last results kept, for “${term}” (on ${when}).`;
}
