// The one shape every directory's answer is normalised into: the podcast /directory sends the page
// (src/shared/directory-answer.ts) and what the server keeps besides, for merging. Every field has
// been checked: URLs are http(s), text is plain and capped, counts are sane.
import type {
  DirectoryAnswer as Answer,
  DirectoryPodcast as SentPodcast,
} from '../../src/shared/directory-answer.ts';

/** Which directory a podcast was found in. */
export type DirectorySource = 'apple' | 'podcastindex';

/** A podcast as the directories describe it, with the ids merging goes by. */
export interface DirectoryPodcast extends SentPodcast {
  appleId?: number;
  podcastIndexId?: number;
  sources: DirectorySource[];
}

/** What /directory/search and /directory/top answer. */
export type DirectoryAnswer = Answer<DirectoryPodcast>;

/** Most results one answer carries. */
export const MAX_RESULTS = 50;
