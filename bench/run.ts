// `npm run bench`: runs each measurement against the production build in real browsers, prints
// one table, and writes bench/results.json. `BENCH=1,4` runs only those measurements.
import { writeFileSync } from 'node:fs';
import requireBuild from '../tests/support/require-build.ts';
import { benchAppShell } from './app-shell.ts';
import { benchBackgroundFetch } from './background-fetch.ts';
import { benchFeedScale } from './feed-scale.ts';
import type { Figure } from './figure.ts';
import { benchMemory } from './memory.ts';
import { benchOfflineSeek } from './offline-seek.ts';
import { benchProxyLoad } from './proxy-load.ts';
import { benchResumeWaste } from './resume-waste.ts';
import { formatTable } from './table.ts';
import { benchThroughput } from './throughput.ts';

const MEASUREMENTS: { id: string; name: string; run: () => Promise<Figure[]> }[] = [
  { id: '1', name: '1 throughput', run: benchThroughput },
  { id: '2', name: '2 background fetch', run: benchBackgroundFetch },
  { id: '3', name: '3 memory', run: benchMemory },
  { id: '4', name: '4 resume waste', run: benchResumeWaste },
  { id: '5', name: '5 app shell', run: benchAppShell },
  { id: '6', name: '6 feed scale', run: benchFeedScale },
  { id: '7', name: '7 offline seek', run: benchOfflineSeek },
  { id: '8', name: '8 proxy load', run: benchProxyLoad },
];

async function main(): Promise<void> {
  requireBuild();
  const only = process.env.BENCH?.split(',').map((s) => s.trim());
  const figures: Figure[] = [];
  const errors: { measurement: string; error: string }[] = [];
  const started = Date.now();
  for (const m of MEASUREMENTS) {
    if (only && !only.includes(m.id)) continue;
    const t0 = Date.now();
    process.stdout.write(`${m.name} … `);
    try {
      const got = await m.run();
      figures.push(...got);
      console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      errors.push({ measurement: m.name, error: text });
      console.log(`failed: ${text.split('\n')[0]}`);
    }
  }
  console.log(`\n${formatTable(figures)}`);
  for (const e of errors) console.log(`\nERROR in ${e.measurement}: ${e.error}`);
  const path = new URL('./results.json', import.meta.url);
  writeFileSync(
    path,
    `${JSON.stringify({ date: new Date().toISOString(), seconds: (Date.now() - started) / 1000, figures, errors }, null, 2)}\n`,
  );
  console.log(`\nWrote bench/results.json in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  process.exitCode = errors.length ? 1 : 0;
}

await main();
