// The one shape every directory's answer is normalised into, which /directory sends to the page.
// Every field has been checked: URLs are http(s), text is plain and capped, counts are sane.

/** Which directory a podcast was found in. */
export type DirectorySource = 'apple' | 'podcastindex';

/** A podcast as the directories describe it (its feed says more, once read). */
export interface DirectoryPodcast {
  /** The feed's address, http(s): what preview reads and Subscribe stores. */
  feedUrl: string;
  title: string;
  author: string;
  artworkUrl?: string;
  /** The directory's main category for it, e.g. "Comedy". */
  genre?: string;
  /** Episodes the directory knows of (Apple counts what it lists; feeds may hold more). */
  episodeCount?: number;
  /** Plain text, capped. */
  description?: string;
  appleId?: number;
  podcastIndexId?: number;
  sources: DirectorySource[];
}

/** What /directory/search and /directory/top answer. */
export interface DirectoryAnswer {
  podcasts: DirectoryPodcast[];
  /** When the directories were asked (ISO 8601). */
  fetchedAt: string;
  /** Plain words for the listener when something was missing: a directory down, a bad answer. */
  message?: string;
}

/** Most results one answer carries. */
export const MAX_RESULTS = 50;
