// The last directory answers, kept on the device (Cache Storage, keyed by the request's address)
// so Discover still shows something offline or while the directory is down. A few dozen at most.
import type { DirectoryAnswer } from '../../shared/directory-answer.ts';
import { readAnswer } from './directory-answer.ts';

/** Not shared with the service worker: only this page reads and writes it. */
export const DIRECTORY_CACHE = 'longwave-directory-v1';
const KEEP = 40;

/** An answer kept earlier, and when. */
export interface KeptAnswer {
  answer: DirectoryAnswer;
  /** Milliseconds since the epoch. */
  savedAt: number;
  /** The request's address (/directory/search?term=…). */
  path: string;
}

interface Stored {
  answer: DirectoryAnswer;
  savedAt: number;
}

/** Keeps `answer` for `path`, dropping the oldest beyond a few dozen. Never throws. */
export async function keepAnswer(path: string, answer: DirectoryAnswer): Promise<void> {
  try {
    const cache = await caches.open(DIRECTORY_CACHE);
    const stored: Stored = { answer, savedAt: Date.now() };
    await cache.put(keyOf(path), Response.json(stored));
    const keys = await cache.keys();
    if (keys.length <= KEEP) return;
    const all = await Promise.all(keys.map((key) => readKept(cache, key)));
    const oldest = all
      .filter((kept) => kept !== undefined)
      .sort((a, b) => a.savedAt - b.savedAt)
      .slice(0, keys.length - KEEP);
    await Promise.all(oldest.map((kept) => cache.delete(keyOf(kept.path))));
  } catch {
    // Storage full or unavailable (private browsing): Discover works, it just keeps nothing.
  }
}

/**
 * The answer kept for `path`; or else the newest kept for any path starting with `prefix` (the
 * last search, the last chart). Undefined when nothing was kept.
 */
export async function keptAnswer(path: string, prefix: string): Promise<KeptAnswer | undefined> {
  try {
    const cache = await caches.open(DIRECTORY_CACHE);
    const exact = await readKept(cache, keyOf(path));
    if (exact) return exact;
    const keys = (await cache.keys()).filter((key) => new URL(key.url).pathname === prefix);
    const all = await Promise.all(keys.map((key) => readKept(cache, key)));
    return all
      .filter((kept) => kept !== undefined)
      .reduce<KeptAnswer | undefined>(
        (newest, kept) => (!newest || kept.savedAt > newest.savedAt ? kept : newest),
        undefined,
      );
  } catch {
    return undefined;
  }
}

async function readKept(cache: Cache, key: RequestInfo): Promise<KeptAnswer | undefined> {
  const response = await cache.match(key);
  if (!response) return undefined;
  const stored = (await response.json().catch(() => undefined)) as Partial<Stored> | undefined;
  const answer = readAnswer(stored?.answer);
  if (!answer || typeof stored?.savedAt !== 'number') return undefined;
  const url = new URL(typeof key === 'string' ? key : key.url);
  return { answer, savedAt: stored.savedAt, path: `${url.pathname}${url.search}` };
}

function keyOf(path: string): string {
  return new URL(path, location.origin).href;
}
