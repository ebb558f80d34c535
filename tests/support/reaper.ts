// Ends helper processes when this test process dies without cleaning up (a worker killed on a
// timeout, Ctrl-C): a shell waits for our end of its stdin to close, then kills them and removes
// their scratch directory.
import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';

const SCRIPT = 'read _; dir=$1; shift; kill "$@" 2>/dev/null; sleep 1; rm -rf "$dir"; exit 0';

/** Kills `pids` and removes `dir` if this process dies first; `release()` after a normal end. */
export function killWithThisProcess(pids: number[], dir: string): { release(): void } {
  const reaper = spawn('sh', ['-c', SCRIPT, 'reaper', dir, ...pids.map(String)], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // Neither the shell nor the pipe may keep this process alive.
  reaper.unref();
  (reaper.stdin as Socket).unref();
  return { release: () => void reaper.kill('SIGKILL') };
}
