// Download records for unit tests: a valid record with the fields a test cares about changed.
import type { Download } from '../../../../src/db/schema.ts';

/** A running in-page download of generation 5, unless `changes` say otherwise. */
export function aDownload(changes: Partial<Download> = {}): Download {
  return {
    episodeId: 'e1',
    state: 'downloading',
    strategy: 'in-page',
    generation: 5,
    sourceUrl: 'https://cdn.example/a.mp3',
    title: 'Episode One',
    bytesDone: 0,
    attempts: 0,
    createdAt: 1,
    updatedAt: 1,
    ...changes,
  };
}
