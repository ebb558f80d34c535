// The app shell: header, routes and the player that stays across views.
import { useState } from 'react';
import { Link, Route, Switch } from 'wouter';
import { DownloadsPage } from '../features/downloads/downloads-page.tsx';
import { InstallButton, InstallHint } from '../features/install/install-offer-view.tsx';
import { LibraryPage } from '../features/library/library-page.tsx';
import { PodcastPage } from '../features/library/podcast-page.tsx';
import { SearchPage } from '../features/library/search-page.tsx';
import { AudioHost } from '../features/player/audio-host.tsx';
import { MiniPlayer } from '../features/player/mini-player.tsx';
import { PlayerPage } from '../features/player/player-page.tsx';
import { SettingsPage } from '../features/settings/settings-page.tsx';
import { useServiceWorker } from '../sw-bridge.ts';
import { NavLink } from './nav-link.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { UpdatePrompt } from './update-prompt.tsx';
import { useOpenEpisodeMessages } from './use-open-episode.ts';
import { useStartup } from './use-startup.ts';

/** Longwave. */
export function App() {
  const update = useServiceWorker();
  useOpenEpisodeMessages();
  const startup = useStartup();
  const [repairsSeen, setRepairsSeen] = useState(false);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          Longwave
        </Link>
        <InstallButton />
        <nav aria-label="Main" className="app-nav">
          <NavLink href="/">Library</NavLink>
          <NavLink href="/downloads">Downloads</NavLink>
          <NavLink href="/search">Search</NavLink>
          <NavLink href="/settings">Settings</NavLink>
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
      <main className="app-main" id="main" tabIndex={-1}>
        <InstallHint />
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
          <Route component={NotFoundPage} />
        </Switch>
      </main>
      <footer className="app-footer">Longwave {import.meta.env.VITE_APP_VERSION}</footer>
      <UpdatePrompt {...update} />
      <MiniPlayer />
      <AudioHost />
    </div>
  );
}
