// Generates every app icon from one source, assets/logo.svg (run: npm run icons).
import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: minimal2023Preset,
  images: ['assets/logo.svg'],
});
