// What the server's /directory answers (src/shared/directory-answer.ts), read defensively: the page
// keeps only entries with an http(s) feed and string fields, whatever arrives.
import type { DirectoryAnswer, DirectoryPodcast } from '../../shared/directory-answer.ts';
import { toHttpUrl } from '../../shared/url-rules.ts';

/** `json` as an answer, dropping whatever does not fit; undefined when it is not one at all. */
export function readAnswer(json: unknown): DirectoryAnswer | undefined {
  const value = json as Partial<Record<keyof DirectoryAnswer, unknown>> | null;
  if (!value || typeof value !== 'object' || !Array.isArray(value.podcasts)) return undefined;
  const podcasts = value.podcasts.flatMap((item: unknown): DirectoryPodcast[] => {
    const entry = item as Record<string, unknown> | null;
    const feedUrl = toHttpUrl(text(entry?.feedUrl));
    const title = text(entry?.title);
    if (!entry || !feedUrl || !title) return [];
    const count = entry.episodeCount;
    return [
      {
        feedUrl,
        title,
        author: text(entry.author) ?? '',
        artworkUrl: toHttpUrl(text(entry.artworkUrl)),
        genre: text(entry.genre),
        episodeCount: typeof count === 'number' && Number.isSafeInteger(count) ? count : undefined,
        description: text(entry.description),
      },
    ];
  });
  return {
    podcasts,
    fetchedAt: text(value.fetchedAt) ?? new Date().toISOString(),
    message: text(value.message),
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
