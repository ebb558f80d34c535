// vite-plugin-pwa options: a custom Workbox service worker (injectManifest) and the web app manifest.
import type { VitePWAOptions } from 'vite-plugin-pwa';

/** A screenshot `npm run screenshots` takes from the real app; the manifest lists each one. */
export interface AppScreenshot {
  /** Under public/. */
  src: string;
  /** What the script opens: the library, Now Playing with an episode loaded, or Downloads. */
  view: 'library' | 'player' | 'downloads';
  viewport: { width: number; height: number };
  scale: number;
  form_factor: 'narrow' | 'wide';
  label: string;
}

export const appScreenshots: AppScreenshot[] = [
  {
    src: 'screenshots/library-narrow.png',
    view: 'library',
    viewport: { width: 390, height: 844 },
    scale: 2,
    form_factor: 'narrow',
    label: 'Your podcasts, ready offline',
  },
  {
    src: 'screenshots/player-narrow.png',
    view: 'player',
    viewport: { width: 390, height: 844 },
    scale: 2,
    form_factor: 'narrow',
    label: 'Now Playing, with chapters, speed and a sleep timer',
  },
  {
    src: 'screenshots/downloads-narrow.png',
    view: 'downloads',
    viewport: { width: 390, height: 844 },
    scale: 2,
    form_factor: 'narrow',
    label: 'Downloads that carry on offline, with progress and time left',
  },
  {
    src: 'screenshots/library-wide.png',
    view: 'library',
    viewport: { width: 1280, height: 800 },
    scale: 1,
    form_factor: 'wide',
    label: 'Your podcasts, ready offline',
  },
];

const icon192 = { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' };

export const pwaOptions: Partial<VitePWAOptions> = {
  strategies: 'injectManifest',
  srcDir: 'sw',
  filename: 'sw.ts',
  registerType: 'prompt',
  injectRegister: false,
  injectManifest: {
    globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
    // Only the install dialog shows them, and it fetches them itself.
    globIgnores: ['screenshots/**'],
  },
  manifest: {
    id: '/',
    name: 'Longwave',
    short_name: 'Longwave',
    description: 'Podcasts that play anywhere: subscribe, download, listen offline.',
    lang: 'en',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#14324a',
    background_color: '#0f1f2e',
    categories: ['entertainment', 'music'],
    icons: [
      { src: 'pwa-64x64.png', sizes: '64x64', type: 'image/png' },
      icon192,
      { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
      {
        src: 'maskable-icon-512x512.png',
        sizes: '512x512',
        type: 'image/png',
        purpose: 'maskable',
      },
    ],
    screenshots: appScreenshots.map(({ src, viewport, scale, form_factor, label }) => ({
      src,
      sizes: `${viewport.width * scale}x${viewport.height * scale}`,
      type: 'image/png',
      form_factor,
      label,
    })),
    shortcuts: [
      {
        name: 'Downloads',
        description: 'Episodes kept for offline listening',
        url: '/downloads',
        icons: [icon192],
      },
      {
        name: 'Settings',
        description: 'Storage and downloads',
        url: '/settings',
        icons: [icon192],
      },
    ],
  },
  devOptions: { enabled: false },
};
