// Vite: React page, the PWA plugin, and the demo podcast routes shared with server/.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaOptions } from './pwa.config.ts';
import { demoRoutes } from './server/demo/demo-routes.ts';

/** Serves the demo podcast from the dev and preview servers exactly as server/ does. */
function demoPodcast(): Plugin {
  return {
    name: 'longwave-demo-podcast',
    configureServer(server) {
      server.middlewares.use(demoRoutes());
    },
    configurePreviewServer(server) {
      server.middlewares.use(demoRoutes());
    },
  };
}

export default defineConfig({
  plugins: [react(), VitePWA(pwaOptions), demoPodcast()],
  build: { target: 'es2022', sourcemap: true },
});
