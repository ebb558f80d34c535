import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { dequeue, enqueue, listQueue, moveInQueue, takeNext } from '../../../../src/db/queue.ts';

const order = async () => (await listQueue()).map((item) => item.episodeId);

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('Up Next queue', () => {
  it('appends in order and ignores an episode already queued', async () => {
    await enqueue('a');
    await enqueue('b');
    await enqueue('a');
    await enqueue('c');
    expect(await order()).toEqual(['a', 'b', 'c']);
  });

  it('removes an episode', async () => {
    for (const id of ['a', 'b', 'c']) await enqueue(id);
    await dequeue('b');
    await dequeue('missing');
    expect(await order()).toEqual(['a', 'c']);
  });

  it('moves an episode up and down, clamped at the ends', async () => {
    for (const id of ['a', 'b', 'c', 'd']) await enqueue(id);
    expect(await moveInQueue('c', -1)).toBe(1);
    expect(await order()).toEqual(['a', 'c', 'b', 'd']);
    expect(await moveInQueue('a', 1)).toBe(1);
    expect(await order()).toEqual(['c', 'a', 'b', 'd']);
    expect(await moveInQueue('c', -5)).toBe(0);
    expect(await moveInQueue('d', 3)).toBe(3);
    expect(await moveInQueue('missing', 1)).toBe(-1);
    expect(await order()).toEqual(['c', 'a', 'b', 'd']);
    // After moves, new episodes still go to the end.
    await enqueue('e');
    expect(await order()).toEqual(['c', 'a', 'b', 'd', 'e']);
  });

  it('takes the next episode off the front until the queue is empty', async () => {
    await enqueue('a');
    await enqueue('b');
    expect(await takeNext()).toBe('a');
    expect(await takeNext()).toBe('b');
    expect(await takeNext()).toBeUndefined();
  });
});
