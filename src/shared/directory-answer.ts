// What the server's /directory sends the page (server/directory/ fills it, src/features/discover/
// reads it): one shape for every directory's podcasts, checked on the server and read
// defensively again on the page.

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
}

/** What /directory/search and /directory/top answer. */
export interface DirectoryAnswer<Podcast extends DirectoryPodcast = DirectoryPodcast> {
  podcasts: Podcast[];
  /** When the directories were asked (ISO 8601). */
  fetchedAt: string;
  /** Plain words for the listener when something was missing: a directory down, a bad answer. */
  message?: string;
}
