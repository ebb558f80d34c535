// The Periodic Background Sync registration the page makes and the service worker answers.

/** The tag of the periodic feed refresh. */
export const FEED_REFRESH_TAG = 'longwave-refresh-feeds';
