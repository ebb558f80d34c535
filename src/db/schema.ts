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

/** One state machine for both download strategies. */
export type DownloadState =
  'queued' | 'downloading' | 'paused' | 'downloaded' | 'failed' | 'cancelled';

/** Why a download failed, in the Background Fetch spec's words. */
export type FailureReason =
  'aborted' | 'bad-status' | 'fetch-error' | 'quota-exceeded' | 'download-total-exceeded';

export type DownloadStrategy = 'background-fetch' | 'in-page';

export interface Download {
  episodeId: string;
  state: DownloadState;
  strategy: DownloadStrategy;
  /** The URL fetched and the media cache key. */
  url: string;
  bytesDone: number;
  /** Known total in bytes, from HEAD or Content-Range; undefined while unknown. */
  bytesTotal?: number;
  attempts: number;
  nextRetryAt?: number;
  failureReason?: FailureReason;
  /** Human words for the last failure. */
  failureMessage?: string;
  etag?: string;
  lastModified?: string;
  createdAt: number;
  updatedAt: number;
}

export interface Setting {
  key: string;
  value: unknown;
}
