// Import an OPML file (subscribe to every feed in it) and export the library as one.
import { useState, type ChangeEvent } from 'react';
import { messageOf } from './library-actions.ts';
import type { ImportSummary } from './opml-actions.ts';

// Reading and writing OPML loads when used: the library's first screen does without it.
const saveOpml = async () => (await import('../../feeds/export-opml.ts')).saveOpmlFile();

/** "Import OPML" (a file picker) and "Export OPML" (a download). */
export function OpmlControls() {
  const [progress, setProgress] = useState<string>();
  const [summary, setSummary] = useState<ImportSummary>();
  const [error, setError] = useState<string>();

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setSummary(undefined);
    setError(undefined);
    setProgress('Reading the file…');
    try {
      const { importOpml } = await import('./opml-actions.ts');
      setSummary(
        await importOpml(await file.text(), (done, total) =>
          setProgress(`Importing ${done} of ${total}…`),
        ),
      );
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setProgress(undefined);
      input.value = '';
    }
  }

  return (
    <>
      <label className="file-button">
        Import OPML
        <input
          type="file"
          accept=".opml,.xml,text/x-opml,text/xml,application/xml"
          disabled={progress !== undefined}
          onChange={(event) => void importFile(event)}
        />
      </label>
      <button type="button" onClick={() => void saveOpml()}>
        Export OPML
      </button>
      {progress && (
        <p role="status" className="tool-result">
          {progress}
        </p>
      )}
      {error && (
        <p role="alert" className="error tool-result">
          {error}
        </p>
      )}
      {summary && <ImportResult summary={summary} />}
    </>
  );
}

function ImportResult({ summary }: { summary: ImportSummary }) {
  const { added, alreadySubscribed, failed } = summary;
  const parts = [`Subscribed to ${added} ${added === 1 ? 'podcast' : 'podcasts'}.`];
  if (alreadySubscribed > 0) parts.push(`${alreadySubscribed} already in your library.`);
  if (failed.length > 0) parts.push(`${failed.length} could not be read:`);
  return (
    <div role="status" className="tool-result">
      <p>{parts.join(' ')}</p>
      {failed.length > 0 && (
        <ul className="error">
          {failed.map((failure) => (
            <li key={failure.name}>
              {failure.name}: {failure.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
