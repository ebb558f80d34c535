// A private virtual X display for one browser: WebKitGTK's MiniBrowser needs a display even when
// nobody looks. Each launch gets its own server, so tests neither share nor depend on $DISPLAY.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

export const XVFB_PATH = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';

export interface Xvfb {
  /** The value for DISPLAY, e.g. ":99". */
  display: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts Xvfb on the first free display number (Xvfb picks it and reports it on a pipe). */
export async function startXvfb(): Promise<Xvfb> {
  const server = spawn(
    XVFB_PATH,
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp', '-noreset'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  server.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const display = await new Promise<string>((resolve, reject) => {
    let reported = '';
    (server.stdio[3] as Readable).on('data', (chunk: Buffer) => {
      reported += chunk.toString();
      if (reported.includes('\n')) resolve(`:${reported.trim()}`);
    });
    server.once('error', (error) =>
      reject(new Error(`Cannot start ${XVFB_PATH} (Debian package xvfb): ${error.message}`)),
    );
    server.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${log}`)));
  });
  return {
    display,
    pid: server.pid!,
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGTERM');
        await exited;
      }
    },
  };
}
