// The page's dedicated workers through the DevTools Protocol: the download runs in one, so its
// heap belongs in the memory figure. Playwright opens sessions only for pages, so this attaches to
// the workers the old, non-flat way and speaks to them through Target.sendMessageToTarget.
import type { CDPSession } from '@playwright/test';

/** Sends a method to every worker of the page; resolves with their results (none after 2 s). */
export type SendToWorkers = (method: string) => Promise<Record<string, unknown>[]>;

const ANSWER_MS = 2000;

/** Attaches to the page's workers, present and future, and returns a way to ask all of them. */
export async function attachToWorkers(cdp: CDPSession): Promise<SendToWorkers> {
  const workers = new Set<string>();
  const waiting = new Map<number, (result: Record<string, unknown>) => void>();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.add(sessionId);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => workers.delete(sessionId ?? ''));
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const { id, result } = JSON.parse(message) as { id: number; result?: Record<string, unknown> };
    waiting.get(id)?.(result ?? {});
    waiting.delete(id);
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  return (method) =>
    Promise.all(
      [...workers].map(
        (sessionId) =>
          new Promise<Record<string, unknown>>((resolve) => {
            const id = nextId++;
            waiting.set(id, resolve);
            setTimeout(() => resolve({}), ANSWER_MS);
            void cdp
              .send('Target.sendMessageToTarget', {
                sessionId,
                message: JSON.stringify({ id, method }),
              })
              .catch(() => resolve({}));
          }),
      ),
    );
}
