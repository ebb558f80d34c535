// `npm run serve`: serves dist/ and the demo podcast on PORT (4173) until SIGTERM or SIGINT.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listen } from './listen.ts';

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
// localhost rather than every interface: a local app, and browsers treat it as a secure context.
const host = process.env.HOST ?? 'localhost';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(1);
}
if (!existsSync(`${distDir}index.html`)) {
  console.error(`${distDir}index.html is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const running = await listen({ distDir, port, host });
console.log(`Longwave is serving ${running.url}`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down.`);
  // A stuck close must not keep the process (and the port) forever.
  setTimeout(() => process.exit(1), 5000).unref();
  running.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Shutdown failed:', error);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
