// A page loaded on first show renders its named export; one whose code cannot load (or that
// breaks) shows what happened and a Reload button in its place.
import { cleanup, render, screen } from '@testing-library/react';
import { Suspense, type ComponentType } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { afterEach, expect, test, vi } from 'vitest';
import { lazyPage } from '../../../../src/app/lazy-page.ts';
import { PageError } from '../../../../src/app/page-error.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderPage(Page: ComponentType) {
  render(
    <ErrorBoundary FallbackComponent={PageError}>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <Page />
      </Suspense>
    </ErrorBoundary>,
  );
}

test('renders the named page once its module has loaded', async () => {
  const Page = lazyPage(async () => ({ SettingsPage: () => <h1>Settings</h1> }), 'SettingsPage');
  renderPage(Page);
  expect(await screen.findByRole('heading', { name: 'Settings' })).toBeDefined();
});

test('a page whose code fails to load says why and offers a reload', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const Page = lazyPage(
    () => Promise.reject(new TypeError('Importing a module script failed.')),
    'SettingsPage',
  );
  renderPage(Page);
  expect(
    await screen.findByRole('heading', { name: 'This page could not be shown' }),
  ).toBeDefined();
  expect(screen.getByRole('alert').textContent).toBe('Importing a module script failed.');
  expect(screen.getByRole('button', { name: 'Reload' })).toBeDefined();
});

test('offline, it says the page is not stored yet', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  const Page = lazyPage(() => Promise.reject(new TypeError('Load failed')), 'PlayerPage');
  renderPage(Page);
  expect((await screen.findByRole('alert')).textContent).toBe(
    'You are offline, and this page is not stored yet.',
  );
});
