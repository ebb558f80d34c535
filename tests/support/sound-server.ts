// A private PulseAudio server with a null sink for one browser: headless Firefox on a machine
// without a sound card fails its audio output once playback becomes audible (OnMediaSinkAudioError)
// and a seek after that never ends. With a sink to play into, audio really plays, unmuted.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killWithThisProcess } from './reaper.ts';

export const PULSEAUDIO_PATH = process.env.PULSEAUDIO_PATH ?? '/usr/bin/pulseaudio';
const READY_MS = 10_000;

export interface SoundServer {
  /** The environment a browser needs to play into this server. */
  env: { PULSE_SERVER: string };
  stop(): Promise<void>;
}

/** Starts PulseAudio on a socket of its own, with nothing but a null sink. */
export async function startSoundServer(): Promise<SoundServer> {
  const dir = await mkdtemp(join(tmpdir(), 'longwave-sound-'));
  const socket = join(dir, 'native');
  const server = spawn(
    PULSEAUDIO_PATH,
    [
      '-n',
      '--daemonize=no',
      '--use-pid-file=false',
      '--exit-idle-time=-1',
      '--disable-shm=true',
      '--load=module-null-sink sink_name=longwave',
      `--load=module-native-protocol-unix socket=${socket} auth-anonymous=1`,
    ],
    // Its own runtime and home directories, so parallel servers never meet.
    {
      env: { ...process.env, HOME: dir, XDG_RUNTIME_DIR: dir },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const reaper = killWithThisProcess([server.pid!], dir);
  let log = '';
  server.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const failed = new Promise<never>((_, reject) => {
    server.once('error', (error) =>
      reject(
        new Error(`Cannot start ${PULSEAUDIO_PATH} (Debian package pulseaudio): ${error.message}`),
      ),
    );
    server.once('exit', (code) => reject(new Error(`PulseAudio exited with ${code}: ${log}`)));
  });
  failed.catch(() => undefined);
  const deadline = Date.now() + READY_MS;
  while (!existsSync(socket)) {
    if (Date.now() > deadline) throw new Error(`PulseAudio did not open ${socket}: ${log}`);
    await Promise.race([failed, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  return {
    env: { PULSE_SERVER: `unix:${socket}` },
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGTERM');
        await exited;
      }
      reaper.release();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
