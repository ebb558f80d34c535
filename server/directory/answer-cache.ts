// Directory answers kept in memory for minutes (lru-cache): many listeners typing the same name, or
// opening the same chart, cost one upstream request, and concurrent identical requests share it.
// When the directories fail, an answer up to a day old is served instead, saying so.
import { LRUCache } from 'lru-cache';
import type { DirectoryAnswer } from './directory-podcast.ts';
import type { Found } from './directory-sources.ts';

export interface AnswerCacheOptions {
  /** Answers kept at most. */
  max?: number;
  /** Characters of JSON kept at most, all answers together (one is a few to tens of kilobytes). */
  maxSize?: number;
  /** The clock in milliseconds; tests move it by hand. */
  now?: () => number;
}

/** How long an answer stays fresh, and how long one with a gap (a directory down) does. */
export interface Lifetimes {
  freshSeconds: number;
  partialSeconds: number;
}

/** An answer and whether it is an older one served because the directories failed. */
export interface CachedAnswer {
  answer: DirectoryAnswer;
  stale: boolean;
}

/** Older answers are not worth showing as "the last results". */
const STALE_LIMIT_MS = 24 * 3600_000;

interface Context {
  ask: () => Promise<Found>;
  lifetimes: Lifetimes;
}

/** A cache of answers by request key. */
export function createAnswerCache(options: AnswerCacheOptions = {}) {
  const now = options.now ?? (() => performance.timeOrigin + performance.now());
  const cache = new LRUCache<string, DirectoryAnswer, Context>({
    max: options.max ?? 2000,
    maxSize: options.maxSize ?? 32 * 2 ** 20,
    sizeCalculation: (answer) => JSON.stringify(answer).length,
    ttl: 60_000,
    allowStaleOnFetchRejection: true,
    perf: { now },
    // lru-cache otherwise reuses a reading of the clock for 1 ms of real time, so an answer could
    // outlive its lifetime by that much; with a clock the tests move, it did (1 CI run).
    ttlResolution: 0,
    fetchMethod: async (_key, _stale, { context, options: set }) => {
      const found = await context.ask();
      set.ttl =
        1000 * (found.message ? context.lifetimes.partialSeconds : context.lifetimes.freshSeconds);
      return { ...found, fetchedAt: new Date(now()).toISOString() };
    },
  });
  return {
    /** The answer for `key`: cached, or asked for with `ask`. Throws when there is none to give. */
    async get(key: string, ask: () => Promise<Found>, lifetimes: Lifetimes): Promise<CachedAnswer> {
      const status: LRUCache.Status<string, DirectoryAnswer, Context> = {};
      const answer = await cache.fetch(key, { context: { ask, lifetimes }, status });
      // A failed fetch with nothing stale to fall back on resolves to nothing, its error kept.
      if (!answer) throw status.fetchError ?? new Error('The directory gave no answer.');
      const stale = Boolean(status.returnedStale);
      if (stale && now() - Date.parse(answer.fetchedAt) > STALE_LIMIT_MS) {
        throw status.fetchError ?? new Error('The kept answer is too old.');
      }
      return { answer, stale };
    },
  };
}
