// Every page of the app, each opened the way a listener gets there, for checks run on all of them.
import { expect, type Page } from '@playwright/test';
import { openDemoPodcast } from './app-page.ts';

export interface AppStop {
  name: string;
  /** Opens the page at `origin` and waits until its content is there. */
  open(page: Page, origin: string): Promise<void>;
}

const heading = (page: Page, name: string | RegExp) =>
  expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

/**
 * Library (grid and list), podcast, episode, Discover (search results, from a directory double
 * the server is pointed at), a podcast's preview, downloads, search, player, settings and
 * not-found.
 */
export const APP_TOUR: AppStop[] = [
  {
    name: 'library',
    open: async (page, origin) => {
      await page.goto(origin);
      await expect(page.getByRole('link', { name: 'Longwave Demo' })).toBeVisible();
      await page.getByRole('button', { name: 'Grid view' }).click();
    },
  },
  {
    name: 'podcast',
    open: async (page, origin) => {
      await page.goto(origin);
      await openDemoPodcast(page);
    },
  },
  {
    name: 'discover',
    open: async (page, origin) => {
      await page.goto(`${origin}/discover?q=example`);
      await expect(
        page.getByRole('list', { name: 'Search results' }).getByRole('link').first(),
      ).toBeVisible();
    },
  },
  {
    name: 'podcast preview',
    open: async (page, origin) => {
      const feed = encodeURIComponent(`${origin}/demo/feed.xml`);
      await page.goto(`${origin}/discover/podcast?feed=${feed}`);
      await expect(page.getByRole('list', { name: 'Latest episodes' })).toBeVisible();
    },
  },
  {
    name: 'downloads',
    open: async (page, origin) => {
      await page.goto(`${origin}/downloads`);
      await heading(page, 'Downloads');
    },
  },
  {
    name: 'search',
    open: async (page, origin) => {
      await page.goto(`${origin}/search?q=light`);
      await expect(page.getByRole('main').getByRole('status')).toHaveText(/match/);
    },
  },
  {
    name: 'player',
    open: async (page, origin) => {
      await page.goto(origin);
      await openDemoPodcast(page);
      await page.getByRole('button', { name: 'Play' }).first().click();
      await page.getByRole('link', { name: /^Open player/ }).click();
      await expect(page.getByRole('slider', { name: 'Seek' })).toBeVisible();
    },
  },
  {
    name: 'episode',
    open: async (page, origin) => {
      await page.goto(origin);
      await openDemoPodcast(page);
      await page.getByRole('list', { name: 'Episodes' }).getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 2, name: 'Show notes' })).toBeVisible();
    },
  },
  {
    name: 'library as a list',
    open: async (page, origin) => {
      await page.goto(origin);
      await page.getByRole('button', { name: 'List view' }).click();
      await expect(page.getByRole('button', { name: 'List view' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
    },
  },
  {
    name: 'settings',
    open: async (page, origin) => {
      await page.goto(`${origin}/settings`);
      await heading(page, 'Settings');
    },
  },
  {
    name: 'not found',
    open: async (page, origin) => {
      await page.goto(`${origin}/no-such-page`);
      await heading(page, 'Page not found');
    },
  },
];
