// How the server names itself to every upstream it asks (feeds, media, directories).

/** The User-Agent of every upstream request. */
export const USER_AGENT = 'Longwave/1 (podcast app)';
