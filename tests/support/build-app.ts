// A production build into a directory of its own, with its own version: two of them are "the
// deployed app" and "the next release" for the update tests.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths.ts';

/** Builds the app (`vite build`) with VITE_APP_VERSION = `version`; resolves to the output dir. */
export async function buildApp(version: string): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), `longwave-${version}-`));
  await promisify(execFile)(
    process.execPath,
    [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'],
    { cwd: repoRoot, env: { ...process.env, VITE_APP_VERSION: version } },
  );
  return outDir;
}
