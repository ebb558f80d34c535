// Apple Podcasts' top-level categories and their ids, as its charts are addressed.

/** Apple's id for the chart of all podcasts. */
export const ALL_PODCASTS = 26;

/** The categories a chart can be asked for, "All podcasts" first. */
export const APPLE_GENRES: readonly { id: number; name: string }[] = [
  { id: ALL_PODCASTS, name: 'All podcasts' },
  { id: 1301, name: 'Arts' },
  { id: 1321, name: 'Business' },
  { id: 1303, name: 'Comedy' },
  { id: 1304, name: 'Education' },
  { id: 1483, name: 'Fiction' },
  { id: 1511, name: 'Government' },
  { id: 1512, name: 'Health & Fitness' },
  { id: 1487, name: 'History' },
  { id: 1305, name: 'Kids & Family' },
  { id: 1502, name: 'Leisure' },
  { id: 1310, name: 'Music' },
  { id: 1489, name: 'News' },
  { id: 1314, name: 'Religion & Spirituality' },
  { id: 1533, name: 'Science' },
  { id: 1324, name: 'Society & Culture' },
  { id: 1545, name: 'Sports' },
  { id: 1318, name: 'Technology' },
  { id: 1488, name: 'True Crime' },
  { id: 1309, name: 'TV & Film' },
];

/** The genre's name, or undefined for an id Apple does not list here. */
export function genreName(id: number): string | undefined {
  return APPLE_GENRES.find((genre) => genre.id === id)?.name;
}
