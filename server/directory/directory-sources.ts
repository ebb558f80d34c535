// Asking the directories: search goes to Apple and, with a key, to Podcast Index at once, and the
// answers are merged; the chart comes from Apple's charts plus one lookup for the feeds. A directory
// that says it is busy (429, 503, Apple's 403) is left alone for as long as it asked.
import type { AddressRules } from '../proxy/resolve-target.ts';
import { appleChartUrl, normaliseChart } from './apple-charts.ts';
import { DirectoryFailure } from './directory-failure.ts';
import type { DirectoryPodcast } from './directory-podcast.ts';
import { fetchJson } from './fetch-json.ts';
import { itunesLookupUrl, itunesSearchUrl, normaliseItunes } from './itunes.ts';
import { mergeByFeed } from './merge-by-feed.ts';
import {
  normalisePodcastIndex,
  podcastIndexHeaders,
  podcastIndexSearchUrl,
} from './podcast-index.ts';

export interface DirectorySourcesOptions extends AddressRules {
  itunesUrl: URL;
  appleChartsUrl: URL;
  podcastIndexUrl: URL;
  podcastIndex?: { key: string; secret: string };
  /** For one upstream request, start to end. */
  timeoutMs: number;
  /** Largest upstream answer read (decoded). */
  maxBytes: number;
  now: () => number;
}

/** What the directories found, and words for what was missing. */
export interface Found {
  podcasts: DirectoryPodcast[];
  message?: string;
}

export interface DirectorySources {
  search(term: string, country: string): Promise<Found>;
  top(genre: number, country: string): Promise<Found>;
}

const APPLE = 'Apple Podcasts';
const CHARTS = 'Apple Podcasts charts';
const INDEX = 'Podcast Index';

/** The directories behind /directory. */
export function directorySources(
  options: DirectorySourcesOptions,
  observe: (url: URL, seconds: number) => void = () => undefined,
): DirectorySources {
  const waitUntil = new Map<string, number>();

  async function ask(directory: string, url: URL, headers?: Record<string, string>) {
    const until = waitUntil.get(directory) ?? 0;
    if (until > options.now()) {
      throw new DirectoryFailure('busy', `${directory} asked to be left alone for a moment.`);
    }
    const started = performance.now();
    try {
      return await fetchJson(url, { ...options, directory, headers });
    } catch (error) {
      if (error instanceof DirectoryFailure && error.retryAfterSeconds) {
        waitUntil.set(directory, options.now() + error.retryAfterSeconds * 1000);
      }
      throw error;
    } finally {
      observe(url, (performance.now() - started) / 1000);
    }
  }

  return {
    async search(term, country) {
      const asks = [
        ask(APPLE, itunesSearchUrl(options.itunesUrl, term, country)).then(normaliseItunes),
      ];
      if (options.podcastIndex) {
        const headers = podcastIndexHeaders(options.podcastIndex, options.now());
        asks.push(
          ask(INDEX, podcastIndexSearchUrl(options.podcastIndexUrl, term), headers).then(
            normalisePodcastIndex,
          ),
        );
      }
      const settled = await Promise.allSettled(asks);
      const lists = settled.flatMap((result) =>
        result.status === 'fulfilled' ? [result.value] : [],
      );
      const failures = settled.flatMap((result) =>
        result.status === 'rejected' ? [asFailure(result.reason)] : [],
      );
      if (lists.length === 0) throw failures[0]!;
      return {
        podcasts: mergeByFeed(lists),
        message: failures.length
          ? `${failures.map((failure) => failure.message).join(' ')} These results are from the other directory only.`
          : undefined,
      };
    },

    async top(genre, country) {
      const entries = normaliseChart(
        await ask(CHARTS, appleChartUrl(options.appleChartsUrl, country, genre)),
      );
      if (entries.length === 0) return { podcasts: [] };
      const ids = entries.map((entry) => entry.appleId);
      const found = normaliseItunes(
        await ask(APPLE, itunesLookupUrl(options.itunesUrl, ids, country)),
      );
      const byId = new Map(found.map((podcast) => [podcast.appleId, podcast]));
      // Shows without a public feed (Apple-only subscriptions) cannot be previewed: left out.
      const podcasts = entries.flatMap((entry) => {
        const match = byId.get(entry.appleId);
        if (!match) return [];
        return [
          {
            ...match,
            artworkUrl: match.artworkUrl ?? entry.artworkUrl,
            genre: entry.genre ?? match.genre,
            description: entry.description,
          },
        ];
      });
      return { podcasts };
    },
  };
}

function asFailure(reason: unknown): DirectoryFailure {
  if (reason instanceof DirectoryFailure) return reason;
  console.error('Directory request failed:', reason);
  return new DirectoryFailure('unreachable', 'A directory failed.');
}
