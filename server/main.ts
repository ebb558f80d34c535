// `npm run serve` (and the container): serves dist/ and the demo podcast on PORT (4173), with the
// settings of config.ts, logging one JSON line per request to stdout, until SIGTERM or SIGINT.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, readServerConfig, type ServerConfig } from './config.ts';
import { isLocalhostForm } from './http/app-origin.ts';
import { listen } from './listen.ts';

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));

let config: ServerConfig;
try {
  config = readServerConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
if (!existsSync(`${distDir}index.html`)) {
  console.error(`${distDir}index.html is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const running = await listen({
  distDir,
  port: config.port,
  // localhost rather than every interface by default: a local app, and a secure context.
  host: config.host,
  log: (line) => process.stdout.write(`${line}\n`),
});
console.log(`Longwave is serving ${running.url}`);
if (!config.publicOrigin && !isLocalhostForm(config.host)) {
  console.warn(
    'LONGWAVE_PUBLIC_ORIGIN is not set: the proxy answers pages opened at localhost only.',
  );
}

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  const grace = config.shutdownSeconds * 1000;
  console.log(`${signal}: shutting down, letting running responses finish for ${grace / 1000} s.`);
  // A stuck shutdown must not keep the process (and the port) forever.
  setTimeout(() => process.exit(1), grace + 5000).unref();
  running.shutdown(grace).then(
    (cut) => {
      if (cut > 0) console.log(`Cut ${cut} connections still open at the deadline.`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error('Shutdown failed:', error);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
