// Cache Storage names shared by the page and the service worker. (Episode audio is not in Cache
// Storage: it lives in IndexedDB, see src/db/media-parts.ts.)

/** Podcast and episode artwork, so the library looks right offline. */
export const ARTWORK_CACHE = 'longwave-artwork-v1';
