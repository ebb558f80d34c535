// Backup: the library (subscriptions, played state, positions, Up Next, settings) to a file and
// back, and the subscriptions as OPML for other podcast apps.
import { useState, type ChangeEvent } from 'react';
import { exportBackup, restoreBackup } from '../../db/backup.ts';
import { saveOpmlFile } from '../../feeds/export-opml.ts';
import { saveFile } from '../../save-file.ts';

/** Export backup, Restore backup and Export OPML. */
export function BackupControls() {
  const [result, setResult] = useState<{ ok: boolean; text: string }>();

  async function exportFile() {
    const json = JSON.stringify(await exportBackup());
    const day = new Date().toISOString().slice(0, 10);
    saveFile(`longwave-backup-${day}.json`, new Blob([json], { type: 'application/json' }));
  }

  async function restoreFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setResult(undefined);
    try {
      const { podcasts, episodes, refused } = await restoreBackup(parseJson(await file.text()));
      setResult({
        ok: refused.length === 0,
        text: `Backup restored: ${podcasts} ${podcasts === 1 ? 'podcast' : 'podcasts'} and ${episodes} ${episodes === 1 ? 'episode' : 'episodes'} added; played marks, positions, Up Next and settings merged.${refusedWords(refused)}`,
      });
    } catch (error) {
      setResult({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      input.value = '';
    }
  }

  return (
    <>
      <p className="muted">
        A backup holds your subscriptions, what you played and where you stopped, Up Next and these
        settings; downloads stay on this device.
      </p>
      <div className="podcast-actions">
        <button type="button" onClick={() => void exportFile()}>
          Export backup
        </button>
        <label className="file-button">
          Restore backup
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => void restoreFile(event)}
          />
        </label>
        <button type="button" className="secondary" onClick={() => void saveOpmlFile()}>
          Export OPML
        </button>
      </div>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'tool-result' : 'error'}>
          {result.text}
        </p>
      )}
    </>
  );
}

/** The refused records, a few by name, for the result line. */
function refusedWords(refused: string[]): string {
  if (refused.length === 0) return '';
  const shown = refused.slice(0, 3).join(' ');
  const more = refused.length > 3 ? ` And ${refused.length - 3} more.` : '';
  return ` ${refused.length} ${refused.length === 1 ? 'record was' : 'records were'} damaged and left out: ${shown}${more}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // restoreBackup says it is not a backup
  }
}
