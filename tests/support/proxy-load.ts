// A load test of the proxy on loopback: the server in a process of its own (proxy-load-server.ts),
// a media host here streaming endless audio at a listener's pace, and N simulated listeners (one
// address each) streaming through the proxy at once for a bounded time. The server's own memory
// (resident set and JS heap, from its /metrics) is sampled throughout: idle, with one stream (the
// baseline), and with N.
import { spawn } from 'node:child_process';
import { createServer, request, type Agent } from 'node:http';
import { Agent as HttpAgent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { streamChunks } from '../../server/http/stream-chunks.ts';

export interface LoadOptions {
  streams: number;
  /** How long the N streams run. */
  seconds: number;
  /** Each stream's pace. */
  bytesPerSecond: number;
}

/** Memory of the server process, MiB. */
export interface MemorySample {
  rssMiB: number;
  heapMiB: number;
}

export interface LoadResult {
  idle: MemorySample;
  /** Mean while one stream runs. */
  oneStream: MemorySample;
  /** Samples while all N run, in order (every 250 ms). */
  loaded: MemorySample[];
  /** Streams open at the server when the load was at its height. */
  openStreams: number;
  /** Body bytes the clients received during the N-stream phase, and the rate. */
  bytes: number;
  mibPerSecond: number;
  /** Streams that failed before the end (should be 0). */
  failures: number;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x55);
const MIB = 2 ** 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the load and stops everything it started, even on failure. */
export async function runProxyLoad(options: LoadOptions): Promise<LoadResult> {
  const media = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'audio/mpeg' });
    void streamChunks(res, endless(), { bytesPerSecond: options.bytesPerSecond });
  });
  await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', resolve));
  const mediaUrl = `http://127.0.0.1:${(media.address() as AddressInfo).port}/episode.mp3`;
  const entry = fileURLToPath(new URL('./proxy-load-server.ts', import.meta.url));
  const server = spawn(process.execPath, ['--import', 'tsx', entry], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const agent = new HttpAgent({ keepAlive: false, maxSockets: Infinity });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        const match = /serving (\S+)/.exec(chunk.toString());
        if (match?.[1]) resolve(match[1]);
      });
      server.once('exit', () => reject(new Error('The load server exited.')));
    });
    const proxied = `${base}/proxy?url=${encodeURIComponent(mediaUrl)}`;
    const sample = () => readMemory(base, agent);
    await sample(); // warm up /metrics itself
    await sleep(1000);
    const idle = await sample();

    const one = openStream(proxied, 0, agent);
    await sleep(1000);
    const oneSamples: MemorySample[] = [];
    for (let i = 0; i < 8; i += 1) {
      oneSamples.push(await sample());
      await sleep(250);
    }
    one.stop();
    await one.done;

    const streams = Array.from({ length: options.streams }, (_, i) =>
      openStream(proxied, i + 1, agent),
    );
    const loaded: MemorySample[] = [];
    let openStreams = 0;
    const started = performance.now();
    while (performance.now() - started < options.seconds * 1000) {
      loaded.push(await sample());
      openStreams = Math.max(openStreams, await readOpenStreams(base, agent));
      await sleep(250);
    }
    const elapsed = (performance.now() - started) / 1000;
    const bytes = streams.reduce((sum, stream) => sum + stream.bytes(), 0);
    for (const stream of streams) stream.stop();
    const failures = (await Promise.all(streams.map((stream) => stream.done))).filter(
      (ok) => !ok,
    ).length;
    return {
      idle,
      oneStream: mean(oneSamples),
      loaded,
      openStreams,
      bytes,
      mibPerSecond: bytes / MIB / elapsed,
      failures,
    };
  } finally {
    server.kill('SIGTERM');
    agent.destroy();
    media.closeAllConnections();
    media.close();
  }
}

/**
 * Growth of the resident set late in the run: the lowest sample of the last third minus the lowest
 * of the middle third (the first third is the ramp-up). The resident set saws up and down by some
 * 25 MiB with each garbage collection (60 s at 50 streams: 88–123 MiB, no trend); its floor is
 * what stays alive, and a leak raises it.
 */
export function lateGrowthMiB(samples: MemorySample[]): number {
  const third = Math.floor(samples.length / 3);
  const floor = (part: MemorySample[]) => Math.min(...part.map((sample) => sample.rssMiB));
  return floor(samples.slice(2 * third)) - floor(samples.slice(third, 2 * third));
}

/** The mean of some samples. */
export function mean(samples: MemorySample[]): MemorySample {
  const sum = samples.reduce((a, b) => ({
    rssMiB: a.rssMiB + b.rssMiB,
    heapMiB: a.heapMiB + b.heapMiB,
  }));
  return { rssMiB: sum.rssMiB / samples.length, heapMiB: sum.heapMiB / samples.length };
}

function* endless(): Generator<Buffer> {
  for (;;) yield CHUNK;
}

/** One listener streaming through the proxy as 198.18.x.y; done resolves false if it failed early. */
function openStream(url: string, index: number, agent: Agent) {
  let received = 0;
  let stopping = false;
  let stop: () => void = () => undefined;
  const done = new Promise<boolean>((resolve) => {
    const req = request(
      url,
      { agent, headers: { 'X-Forwarded-For': `198.18.${index >> 8}.${index & 255}` } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          resolve(false);
          return;
        }
        res.on('data', (chunk: Buffer) => (received += chunk.length));
        res.on('close', () => resolve(stopping));
      },
    );
    req.on('error', () => resolve(stopping));
    req.end();
    stop = () => {
      stopping = true;
      req.destroy();
    };
  });
  return { done, bytes: () => received, stop: () => stop() };
}

async function metricsText(base: string, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    request(`${base}/metrics`, { agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
    })
      .on('error', reject)
      .end();
  });
}

function metric(text: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return Number(match?.[1] ?? NaN);
}

async function readMemory(base: string, agent: Agent): Promise<MemorySample> {
  const text = await metricsText(base, agent);
  return {
    rssMiB: metric(text, 'process_resident_memory_bytes') / MIB,
    heapMiB: metric(text, 'nodejs_heap_size_used_bytes') / MIB,
  };
}

async function readOpenStreams(base: string, agent: Agent): Promise<number> {
  return metric(await metricsText(base, agent), 'longwave_open_streams') || 0;
}
