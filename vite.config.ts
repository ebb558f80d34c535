// Vite: React page, the PWA plugin, and the demo podcast, proxy and directory routes shared with
// server/.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compression } from 'vite-plugin-compression2';
import packageJson from './package.json' with { type: 'json' };
import { pwaOptions } from './pwa.config.ts';
import { demoRoutes } from './server/demo/demo-routes.ts';
import { directoryRoutes } from './server/directory/directory-routes.ts';
import { proxyRoutes } from './server/proxy/proxy-routes.ts';

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

/** The feed/media proxy (/proxy?url=…) and the directory in the dev and preview servers. */
function feedProxy(): Plugin {
  return {
    name: 'longwave-proxy',
    configureServer(server) {
      server.middlewares.use(directoryRoutes());
      server.middlewares.use(proxyRoutes());
    },
    configurePreviewServer(server) {
      server.middlewares.use(directoryRoutes());
      server.middlewares.use(proxyRoutes());
    },
  };
}

/**
 * Brotli and gzip copies of every text file in dist/ (.br, .gz beside it), made once at build time
 * so the server sends them as they are rather than compressing on every request.
 */
function precompress(): Plugin {
  return compression({
    include: /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml)$/,
    threshold: 1024,
    algorithms: ['brotliCompress', 'gzip'],
    logLevel: 'silent',
  });
}

export default defineConfig({
  plugins: [react(), VitePWA(pwaOptions), demoPodcast(), feedProxy(), precompress()],
  build: { target: 'es2022', sourcemap: true },
  define: {
    // Shown in the footer; a test builds twice with different values to see an update arrive.
    'import.meta.env.VITE_APP_VERSION': JSON.stringify(
      process.env.VITE_APP_VERSION ?? packageJson.version,
    ),
  },
});
