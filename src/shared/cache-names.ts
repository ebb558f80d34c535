// Cache Storage names shared by the page and the service worker.

/** Complete `200` responses of downloaded episodes, keyed by the enclosure URL. */
export const MEDIA_CACHE = 'longwave-media-v1';

/** Podcast and episode artwork, so the library looks right offline. */
export const ARTWORK_CACHE = 'longwave-artwork-v1';
