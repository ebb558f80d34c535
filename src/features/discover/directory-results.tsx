// One block of directory results: a heading, what is happening (searching, how many found, or
// why these are kept ones), and the list.
import type { RefObject } from 'react';
import type { DirectoryResult } from './ask-directory.ts';
import { ResultList } from './result-list.tsx';

/** Results with their status line and any message from the directory. */
export function DirectoryResults({
  heading,
  listLabel,
  empty,
  result,
  loading,
  library,
  backTo,
}: {
  heading: string;
  listLabel: string;
  empty: string;
  result?: DirectoryResult;
  loading: boolean;
  library?: Map<string, string>;
  backTo?: RefObject<HTMLInputElement | null>;
}) {
  const count = result?.podcasts.length ?? 0;
  const status = !result
    ? loading
      ? 'Searching the directory…'
      : ''
    : count === 0
      ? result.message
        ? ''
        : empty
      : `${count === 1 ? '1 podcast' : `${count} podcasts`}${result.kept ? ' kept from earlier' : ''}.`;
  return (
    <section aria-labelledby="discover-results-heading">
      <h2 id="discover-results-heading">{heading}</h2>
      <div role="status" aria-busy={loading}>
        {result?.message && <p className="notice">{result.message}</p>}
        {status && <p className="muted">{status}</p>}
      </div>
      {result && count > 0 && (
        <ResultList
          label={listLabel}
          podcasts={result.podcasts}
          library={library}
          backTo={backTo}
        />
      )}
    </section>
  );
}
