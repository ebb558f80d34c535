// podcast:chapters in the JSON chapters format (github.com/Podcastindex-org/podcast-namespace).

/** One chapter: where it starts and what it is called. */
export interface Chapter {
  startTime: number;
  title: string;
  url?: string;
  img?: string;
}

/** The chapters of a JSON chapters file, in time order; chapters marked `toc: false` are left out. */
export function parseChapters(json: string): Chapter[] {
  const data = JSON.parse(json) as { chapters?: unknown };
  if (!Array.isArray(data.chapters)) return [];
  return data.chapters
    .filter(
      (entry): entry is Record<string, unknown> =>
        typeof entry === 'object' && entry !== null && typeof entry.startTime === 'number',
    )
    .filter((entry) => entry.toc !== false)
    .map((entry) => ({
      startTime: entry.startTime as number,
      title: typeof entry.title === 'string' && entry.title ? entry.title : 'Untitled chapter',
      url: typeof entry.url === 'string' ? entry.url : undefined,
      img: typeof entry.img === 'string' ? entry.img : undefined,
    }))
    .sort((a, b) => a.startTime - b.startTime);
}

/** The index of the chapter playing at `seconds`, or -1 before the first. */
export function currentChapterIndex(chapters: Chapter[], seconds: number): number {
  let index = -1;
  for (const [i, chapter] of chapters.entries()) {
    if (chapter.startTime <= seconds) index = i;
    else break;
  }
  return index;
}
