// Discover: find podcasts without knowing a feed address. Typing searches the directories (Apple
// Podcasts, and Podcast Index when the server has a key) as you type; with nothing typed, the top
// podcasts of a category in the chosen country's store. Results open a preview; those already in
// the library open the library copy. Offline, the last results kept on the device are shown.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { getSetting, setSetting } from '../../db/settings.ts';
import { ALL_PODCASTS, APPLE_GENRES } from './apple-genres.ts';
import { DirectoryResults } from './directory-results.tsx';
import { isStoreCountry } from '../../shared/store-countries.ts';
import { defaultCountry, storeCountries } from './store-countries.ts';
import { useDirectory } from './use-directory.ts';
import { useLibraryFeeds } from './use-library-feeds.ts';
import './discover.css';

// The preview loads with the page, as one chunk: opening a result needs no further download, and
// the bundler then keeps the first-load chunks as they were (a chunk of its own split them into
// more files and pushed the first load over its 120 KB budget; measured 120.3 KB against 119.9).
export { PreviewPage } from './preview-page.tsx';

/** Pause in typing before asking: fast typists send one request per word or so. */
const TYPING_PAUSE_MS = 300;

/** The Discover page; the search term and category live in the address (?q=, ?genre=). */
export function DiscoverPage() {
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const [text, setText] = useState(() => params.get('q') ?? '');
  const genre = Number(params.get('genre')) || ALL_PODCASTS;
  const storedCountry = useLiveQuery(() => getSetting('discoverCountry'), [], null);
  const country = isStoreCountry(storedCountry) ? storedCountry : defaultCountry();
  const countries = useMemo(() => storeCountries(), []);
  const library = useLibraryFeeds();
  const input = useRef<HTMLInputElement>(null);
  const term = text.trim();
  const ready = storedCountry !== null;
  const search = useDirectory(
    ready && term ? { kind: 'search', term, country } : undefined,
    TYPING_PAUSE_MS,
  );
  const top = useDirectory(ready && !term ? { kind: 'top', genre, country } : undefined, 0);

  const setAddress = (next: { q?: string; genre?: number }) => {
    const query = new URLSearchParams();
    const q = next.q ?? text;
    const g = next.genre ?? genre;
    if (q) query.set('q', q);
    if (g !== ALL_PODCASTS) query.set('genre', String(g));
    const rest = query.toString();
    navigate(`/discover${rest ? `?${rest}` : ''}`, { replace: true });
  };

  return (
    <section aria-labelledby="discover-heading" className="discover-page">
      <h1 id="discover-heading">Discover</h1>
      <form role="search" className="subscribe-form" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="discover-term">Search podcasts</label>
        <input
          ref={input}
          id="discover-term"
          type="search"
          value={text}
          autoComplete="off"
          placeholder="A show’s name, an author or a topic"
          onChange={(event) => {
            setText(event.currentTarget.value);
            setAddress({ q: event.currentTarget.value });
          }}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowDown') return;
            const first = document.querySelector<HTMLAnchorElement>('.discover-results a');
            if (!first) return;
            event.preventDefault();
            first.focus();
          }}
        />
      </form>
      <div className="discover-filters">
        <span>
          <label htmlFor="discover-country">Country</label>{' '}
          <select
            id="discover-country"
            value={country}
            onChange={(event) => void setSetting('discoverCountry', event.currentTarget.value)}
          >
            {countries.map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </span>
        {!term && (
          <span>
            <label htmlFor="discover-genre">Category</label>{' '}
            <select
              id="discover-genre"
              value={genre}
              onChange={(event) => setAddress({ genre: Number(event.currentTarget.value) })}
            >
              {APPLE_GENRES.map(({ id, name }) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </span>
        )}
      </div>
      {term ? (
        <DirectoryResults
          heading={`Podcasts matching “${term}”`}
          listLabel="Search results"
          empty={`No podcasts match “${term}”. Try other words, or another country’s store.`}
          {...search}
          library={library}
          backTo={input}
        />
      ) : (
        <DirectoryResults
          heading="Top podcasts"
          listLabel="Top podcasts"
          empty="This chart is empty. Try another category or country."
          {...top}
          library={library}
          backTo={input}
        />
      )}
    </section>
  );
}
