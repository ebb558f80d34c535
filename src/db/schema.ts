// The shapes stored in IndexedDB: podcasts, episodes, downloads and settings.

export interface Podcast {
  id: string;
  feedUrl: string;
  title: string;
  author: string;
  description: string;
  link?: string;
  artworkUrl?: string;
  subscribedAt: number;
  refreshedAt: number;
  /** Where the show asks for support (podcast:funding). */
  funding?: { url: string; label: string }[];
  /** People credited for the whole show (podcast:person). */
  persons?: { name: string; role?: string; href?: string; img?: string }[];
  /** Plain words for the last failed refresh; cleared by the next one that works. */
  refreshError?: string;
  /** Download new episodes found by a refresh, within the storage budget. */
  autoDownload?: boolean;
  /** The feed's validators as last fetched, sent back so an unchanged feed costs a 304. */
  etag?: string;
  lastModified?: string;
  /** No automatic refresh before this time: the feed's Cache-Control max-age, or Retry-After. */
  refreshNotBefore?: number;
  /** The feed's host sends no CORS headers, so it is fetched through the app's proxy. */
  viaProxy?: boolean;
}

export interface Enclosure {
  url: string;
  type: string;
  /** The feed's claim in bytes; often wrong or 0, so never trusted for a download's total. */
  length: number;
}

export interface Episode {
  id: string;
  podcastId: string;
  guid: string;
  title: string;
  /** Show notes as the feed gave them; sanitised before they reach the DOM. */
  descriptionHtml: string;
  publishedAt: number;
  durationSeconds?: number;
  artworkUrl?: string;
  enclosure?: Enclosure;
  /** The episode's web page. */
  link?: string;
  /** podcast:chapters (usually JSON chapters). */
  chaptersUrl?: string;
  /** podcast:transcript files, in the feed's order. */
  transcripts?: { url: string; type: string; language?: string }[];
  /** People credited for this episode (podcast:person). */
  persons?: { name: string; role?: string; href?: string; img?: string }[];
  /** When the listener marked it played; undefined while unplayed. Kept across refreshes. */
  playedAt?: number;
}

/** One state machine for both download strategies (rules in download-reducer.ts). */
export type DownloadState =
  'queued' | 'downloading' | 'paused' | 'downloaded' | 'failed' | 'cancelled';

/**
 * Why a download failed, in the Background Fetch spec's words; and two of the app's own: a web page
 * (a captive portal) or something else that is not audio arrived in place of the episode.
 */
export type FailureReason =
  | 'aborted'
  | 'bad-status'
  | 'fetch-error'
  | 'quota-exceeded'
  | 'download-total-exceeded'
  | 'web-page'
  | 'not-audio';

export type DownloadStrategy = 'background-fetch' | 'in-page';

/**
 * Why a download is paused: no network, waiting before the next attempt, held until the listener
 * opens the app (the service worker cannot start a Background Fetch that runs by itself), or a web
 * page came in place of the episode (a captive portal): tried again when the connection changes.
 */
export type PauseReason = 'offline' | 'retry' | 'held' | 'web-page';

export interface Download {
  episodeId: string;
  state: DownloadState;
  strategy: DownloadStrategy;
  /**
   * Which attempt is running: a new one each time the download starts (also in its Background
   * Fetch id), so that anything an older attempt reports late is ignored.
   */
  generation: number;
  /** The enclosure URL the listener asked for: where a fresh attempt starts. Never a storage key. */
  sourceUrl: string;
  /**
   * Where the current attempt fetches: the source, the address its redirects led to (so a resume
   * skips the hops), or the app's proxy when a host sends no CORS headers.
   */
  fetchUrl?: string;
  /** Artwork fetched along with the audio by Background Fetch, when it can be. */
  artworkUrl?: string;
  title: string;
  bytesDone: number;
  /** The total in bytes when the server said it (with artwork, while Background Fetch runs). */
  bytesTotal?: number;
  /** Failed attempts in a row; an attempt that brought bytes counts as the first. */
  attempts: number;
  pauseReason?: PauseReason;
  nextRetryAt?: number;
  failureReason?: FailureReason;
  /** Human words for the last failure. */
  failureMessage?: string;
  etag?: string;
  lastModified?: string;
  contentType?: string;
  /** Background Fetch: since when the service worker has been storing the fetched audio. */
  storingSince?: number;
  /** The host served the file with a different size each time (dynamic ad insertion). */
  sizeVaries?: boolean;
  createdAt: number;
  updatedAt: number;
  /** When the audio was stored whole (state `downloaded`). */
  downloadedAt?: number;
}

/**
 * A stored slice of an episode's audio, at `offset`; the slices, in order, are the file. The
 * audio lives only here, whichever way it was downloaded, and is served from here at
 * /media/<episodeId>. A Blob, or its bytes where the browser refuses Blobs in IndexedDB (WebKit in
 * an ephemeral session, as Safari's private browsing is).
 */
export interface MediaPart {
  episodeId: string;
  offset: number;
  size: number;
  blob?: Blob;
  bytes?: ArrayBuffer;
}

/** Where the listener is in an episode; written while it plays, read to resume it. */
export interface PlaybackPosition {
  episodeId: string;
  /** Seconds from the start. */
  seconds: number;
  /** The audio's real length in seconds, once the browser knew it. */
  durationSeconds?: number;
  updatedAt: number;
}

/** One entry of the Up Next queue; `position` orders the queue (lowest plays next). */
export interface QueueItem {
  id?: number;
  episodeId: string;
  position: number;
}

export interface Setting {
  key: string;
  value: unknown;
}
