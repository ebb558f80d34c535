// Browser tests run against dist/, never the dev server: make sure it was built.
import { existsSync } from 'node:fs';
import { distDir } from './paths.ts';

export default function requireBuild(): void {
  if (!existsSync(`${distDir}/index.html`) || !existsSync(`${distDir}/sw.js`)) {
    throw new Error('dist/ is missing: run `npm run build` before the browser tests.');
  }
}
