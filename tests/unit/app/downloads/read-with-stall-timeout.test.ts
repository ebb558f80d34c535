import { afterEach, expect, it, vi } from 'vitest';
import { FetchFailure } from '../../../../src/shared/fetch-failure.ts';
import { readWithStallTimeout } from '../../../../src/downloads/read-with-stall-timeout.ts';

afterEach(() => vi.useRealTimers());

function stream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return { reader: body.getReader(), controller };
}

it('gives up on a connection that sends nothing for the stall time, and cancels it', async () => {
  vi.useFakeTimers();
  const { reader } = stream();
  const read = readWithStallTimeout(reader, 5_000);
  const outcome = expect(read).rejects.toBeInstanceOf(FetchFailure);
  await vi.advanceTimersByTimeAsync(5_000);
  await outcome;
  await expect(reader.closed).resolves.toBeUndefined();
});

it('returns chunks that arrive in time and leaves no timer behind', async () => {
  vi.useFakeTimers();
  const { reader, controller } = stream();
  const read = readWithStallTimeout(reader, 5_000);
  await vi.advanceTimersByTimeAsync(4_000);
  controller.enqueue(new Uint8Array([1, 2, 3]));
  await expect(read).resolves.toEqual({ done: false, value: new Uint8Array([1, 2, 3]) });
  expect(vi.getTimerCount()).toBe(0);
});
