// The container's files, checked without a Docker daemon: the Dockerfile's stages, user, health
// check and command; the build context; and the server compiled as the image compiles it, started
// exactly as the image starts it (plain node, production dependencies only), health-checked with
// the Dockerfile's own HEALTHCHECK command and stopped with SIGTERM.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
/** Instructions with continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const stages = instructions.reduce<string[][]>((all, line) => {
  if (/^FROM /i.test(line)) all.push([]);
  all.at(-1)?.push(line);
  return all;
}, []);
const runtime = stages.at(-1) ?? [];
const find = (lines: string[], keyword: string) =>
  lines.filter((line) => line.toUpperCase().startsWith(`${keyword} `));

describe('Dockerfile', () => {
  it('runs on a small Node runtime image of a version the project supports', () => {
    const image = /^FROM (node:(\d+)-(alpine|slim)\S*)/i.exec(runtime[0] ?? '');
    expect(image, runtime[0]).not.toBeNull();
    expect(Number(image![2])).toBeGreaterThanOrEqual(20);
    expect(stages.length).toBeGreaterThanOrEqual(2);
  });

  it('installs production dependencies only in the runtime image', () => {
    expect(find(runtime, 'RUN').join('\n')).toMatch(/npm ci --omit=dev/);
    expect(runtime.join('\n')).not.toMatch(/npm (install|i) /);
  });

  it('runs as a user other than root, after the files are in place', () => {
    const users = find(runtime, 'USER');
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^USER (root|0)(:|$)/i);
    const lastCopy = runtime.findLastIndex((line) => /^COPY /i.test(line));
    expect(runtime.indexOf(users[0]!)).toBeGreaterThan(lastCopy);
  });

  it('checks its health on /healthz, listens on every interface, and stops with SIGTERM', () => {
    expect(find(runtime, 'HEALTHCHECK').join('')).toMatch(/\/healthz/);
    expect(find(runtime, 'ENV').join(' ')).toMatch(/HOST=0\.0\.0\.0/);
    expect(find(runtime, 'EXPOSE')).toEqual(['EXPOSE 4173']);
    expect(find(runtime, 'STOPSIGNAL')).toEqual(['STOPSIGNAL SIGTERM']);
    expect(find(runtime, 'CMD').at(-1)).toBe('CMD ["node", "server/main.js"]');
  });

  it('builds with the project’s own scripts, and copies only what exists', () => {
    const build = find(stages[0] ?? [], 'RUN').join('\n');
    expect(build).toMatch(/npm run build && npm run build:server/);
    expect(packageJson.scripts['build:server']).toBe('tsc -p tsconfig.server.json');
    for (const line of find(runtime, 'COPY')) {
      const [, from, source] = /^COPY (?:--from=(\S+) )?(\S+)/i.exec(line) ?? [];
      if (!from)
        for (const file of source!.split(' ')) expect(existsSync(join(root, file))).toBe(true);
      else expect(['/app/dist', '/app/build']).toContain(source);
    }
  });

  it('keeps dependencies, outputs, tests and history out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', 'dist', 'build', '.git', 'tests']) {
      expect(ignored).toContain(entry);
    }
  });
});

describe('the server as the image runs it', () => {
  let dir: string;

  beforeAll(async () => {
    // The image's layout: /app/server and /app/src/shared (compiled), /app/dist, /app/node_modules,
    // /app/package.json.
    dir = mkdtempSync(join(root, 'node_modules/.tmp-container-'));
    await promisify(execFile)(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        'tsconfig.server.json',
        '--outDir',
        dir,
      ],
      { cwd: root },
    );
    symlinkSync(join(root, 'dist'), join(dir, 'dist'));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports at run time only Node built-ins and production dependencies', async () => {
    const { stdout } = await promisify(execFile)('grep', [
      '-rhoE',
      "from '[^'.][^']*'",
      join(dir, 'server'),
    ]);
    const imported = new Set(
      stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(6, -1)),
    );
    for (const name of imported) {
      const bare = name.replace(/^node:/, '');
      if (builtinModules.includes(bare)) continue;
      const packageName = name.startsWith('@')
        ? name.split('/').slice(0, 2).join('/')
        : name.split('/')[0]!;
      expect(Object.keys(packageJson.dependencies), name).toContain(packageName);
    }
  });

  it('starts with plain node, passes the HEALTHCHECK command, and exits 0 on SIGTERM', async () => {
    const server = spawn(process.execPath, ['server/main.js'], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /serving (http:\/\/\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        void exited.then(() => reject(new Error(`The server exited: ${output}`)));
      });
      const port = new URL(url).port;
      const healthcheck = /HEALTHCHECK .*CMD (\[.*\])$/.exec(
        find(runtime, 'HEALTHCHECK')[0] ?? '',
      )?.[1];
      const [command, ...args] = JSON.parse(healthcheck ?? '[]') as string[];
      expect(command).toBe('node');
      await expect(
        promisify(execFile)(process.execPath, args, { env: { ...process.env, PORT: port } }),
      ).resolves.toBeDefined();
      const page = await fetch(`${url}/`, { headers: { 'Accept-Encoding': 'br' } });
      expect(page.status).toBe(200);
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toMatch(/SIGTERM: shutting down/);
      // The request log is JSON, one line per request.
      const lines = output.split('\n').filter((line) => line.startsWith('{'));
      expect(lines.map((line) => (JSON.parse(line) as { path: string }).path)).toEqual([
        '/healthz',
        '/',
      ]);
    } finally {
      server.kill('SIGKILL');
    }
  }, 30_000);
});
