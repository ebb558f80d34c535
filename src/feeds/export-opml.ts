// "Export OPML": the library's subscriptions as a file other podcast apps import.
import { listPodcasts } from '../db/library.ts';
import { saveFile } from '../save-file.ts';
import { buildOpml } from './build-opml.ts';

/** Saves the subscriptions as longwave-subscriptions.opml. */
export async function saveOpmlFile(): Promise<void> {
  const opml = buildOpml(await listPodcasts());
  saveFile('longwave-subscriptions.opml', new Blob([opml], { type: 'text/x-opml' }));
}
