// vite-plugin-pwa options: a custom Workbox service worker (injectManifest) and the web app manifest.
import type { VitePWAOptions } from 'vite-plugin-pwa';

export const pwaOptions: Partial<VitePWAOptions> = {
  strategies: 'injectManifest',
  srcDir: 'sw',
  filename: 'sw.ts',
  registerType: 'prompt',
  injectRegister: false,
  injectManifest: {
    globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
  },
  manifest: {
    id: '/',
    name: 'Longwave',
    short_name: 'Longwave',
    description: 'Podcasts that play anywhere: subscribe, download, listen offline.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#14324a',
    background_color: '#0f1f2e',
    icons: [
      { src: 'pwa-64x64.png', sizes: '64x64', type: 'image/png' },
      { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
      { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
      {
        src: 'maskable-icon-512x512.png',
        sizes: '512x512',
        type: 'image/png',
        purpose: 'maskable',
      },
    ],
  },
  devOptions: { enabled: false },
};
