// The consistency check's repairs in the listener's words (at start-up and on the settings page).
import type { StorageCheckReport } from './storage-check.ts';

/** What was repaired, or undefined when nothing was. */
export function describeRepairs({ orphanFiles, missing }: StorageCheckReport): string | undefined {
  const said: string[] = [];
  if (missing.length > 0) {
    const which = missing.length === 1 ? '1 download' : `${missing.length} downloads`;
    said.push(
      `${which} had gone from this device (the browser may have cleared storage) and ${missing.length === 1 ? 'is' : 'are'} no longer marked downloaded: ${missing.join(', ')}.`,
    );
  }
  if (orphanFiles > 0) {
    said.push(
      `Removed ${orphanFiles === 1 ? '1 leftover file' : `${orphanFiles} leftover files`} that no download needed.`,
    );
  }
  return said.length > 0 ? said.join(' ') : undefined;
}
