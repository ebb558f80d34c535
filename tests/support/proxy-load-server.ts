// The app server alone in a process of its own, so its memory can be measured apart from the load
// that drives it: proxy rules for loopback hosts, clients told apart by X-Forwarded-For (one
// address per simulated listener, as a load balancer would report them). Prints its URL.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listen } from '../../server/listen.ts';

const distDir = mkdtempSync(join(tmpdir(), 'longwave-load-dist-'));
writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Longwave</title>');
const running = await listen({
  distDir,
  port: 0,
  host: '127.0.0.1',
  allowPrivateHosts: true,
  proxy: { trustedProxyHeader: 'X-Forwarded-For' },
});
console.log(`serving ${running.url}`);
process.once('SIGTERM', () => void running.close().then(() => process.exit(0)));
