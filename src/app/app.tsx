// The app shell: header, routes and the player that stays across views.
import { Suspense, useState } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Link, Route, Switch, useLocation } from 'wouter';
import { InstallButton, InstallHint } from '../features/install/install-offer-view.tsx';
import { LibraryPage } from '../features/library/library-page.tsx';
import { useBackgroundRefresh } from '../features/library/use-background-refresh.ts';
import { AudioHost } from '../features/player/audio-host.tsx';
import { MiniPlayer } from '../features/player/mini-player.tsx';
import { useServiceWorker } from '../sw-bridge.ts';
import { lazyPage } from './lazy-page.ts';
import { NavLink } from './nav-link.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PageError } from './page-error.tsx';
import { UpdatePrompt } from './update-prompt.tsx';
import { useOpenEpisodeMessages } from './use-open-episode.ts';
import { useStartup } from './use-startup.ts';

const DiscoverPage = lazyPage(
  () => import('../features/discover/discover-page.tsx'),
  'DiscoverPage',
);
const PreviewPage = lazyPage(() => import('../features/discover/discover-page.tsx'), 'PreviewPage');
const DownloadsPage = lazyPage(
  () => import('../features/downloads/downloads-page.tsx'),
  'DownloadsPage',
);
const PodcastPage = lazyPage(() => import('../features/library/podcast-page.tsx'), 'PodcastPage');
const SearchPage = lazyPage(() => import('../features/library/search-page.tsx'), 'SearchPage');
const PlayerPage = lazyPage(() => import('../features/player/player-page.tsx'), 'PlayerPage');
const SettingsPage = lazyPage(
  () => import('../features/settings/settings-page.tsx'),
  'SettingsPage',
);

/** Longwave. */
export function App() {
  const [location] = useLocation();
  const update = useServiceWorker();
  useOpenEpisodeMessages();
  const startup = useStartup();
  useBackgroundRefresh();
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
          <NavLink href="/discover">Discover</NavLink>
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
        <ErrorBoundary FallbackComponent={PageError} resetKeys={[location]}>
          <Suspense fallback={<p role="status">Loading…</p>}>
            <Switch>
              <Route path="/" component={LibraryPage} />
              <Route path="/discover" component={DiscoverPage} />
              <Route path="/discover/podcast" component={PreviewPage} />
              <Route path="/downloads" component={DownloadsPage} />
              <Route path="/search" component={SearchPage} />
              <Route path="/player" component={PlayerPage} />
              <Route path="/settings" component={SettingsPage} />
              <Route path="/podcast/:id">{(params) => <PodcastPage podcastId={params.id} />}</Route>
              <Route component={NotFoundPage} />
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="app-footer">Longwave {import.meta.env.VITE_APP_VERSION}</footer>
      <UpdatePrompt {...update} />
      <MiniPlayer />
      <AudioHost />
    </div>
  );
}
