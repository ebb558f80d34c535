// The app shell: header, routes and the player that stays across views.
import { useState } from 'react';
import { Link, Route, Switch } from 'wouter';
import { DownloadsPage } from '../features/downloads/downloads-page.tsx';
import { LibraryPage } from '../features/library/library-page.tsx';
import { PodcastPage } from '../features/library/podcast-page.tsx';
import { SearchPage } from '../features/library/search-page.tsx';
import { AudioHost } from '../features/player/audio-host.tsx';
import { MiniPlayer } from '../features/player/mini-player.tsx';
import { PlayerPage } from '../features/player/player-page.tsx';
import { SettingsPage } from '../features/settings/settings-page.tsx';
import { useServiceWorker } from '../sw-bridge.ts';
import { useStartup } from './use-startup.ts';

/** Longwave. */
export function App() {
  useServiceWorker();
  const startup = useStartup();
  const [repairsSeen, setRepairsSeen] = useState(false);
  return (
    <div className="app">
      <header className="app-header">
        <Link href="/" className="brand">
          Longwave
        </Link>
        <nav aria-label="Main" className="app-nav">
          <Link href="/">Library</Link>
          <Link href="/downloads">Downloads</Link>
          <Link href="/search">Search</Link>
          <Link href="/settings">Settings</Link>
        </nav>
      </header>
      {startup.repairs && !repairsSeen && (
        <div role="status" className="notice app-notice">
          <p>{startup.repairs}</p>
          <button type="button" className="secondary" onClick={() => setRepairsSeen(true)}>
            Dismiss
          </button>
        </div>
      )}
      <main className="app-main">
        {startup.error && (
          <p role="alert" className="notice">
            {startup.error}
          </p>
        )}
        <Switch>
          <Route path="/" component={LibraryPage} />
          <Route path="/downloads" component={DownloadsPage} />
          <Route path="/search" component={SearchPage} />
          <Route path="/player" component={PlayerPage} />
          <Route path="/settings" component={SettingsPage} />
          <Route path="/podcast/:id">{(params) => <PodcastPage podcastId={params.id} />}</Route>
          <Route>
            <h1>Page not found</h1>
            <Link href="/">Back to the library</Link>
          </Route>
        </Switch>
      </main>
      <MiniPlayer />
      <AudioHost />
    </div>
  );
}
