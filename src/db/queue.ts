// The Up Next queue: episodes to play after the current one, in the listener's order.
import { db } from './database.ts';
import type { QueueItem } from './schema.ts';

/** The queue in play order. */
export function listQueue(): Promise<QueueItem[]> {
  return db.queue.orderBy('position').toArray();
}

/** Adds an episode at the end of the queue; an episode already queued stays where it is. */
export async function enqueue(episodeId: string): Promise<void> {
  await db.transaction('rw', db.queue, async () => {
    if (await db.queue.where('episodeId').equals(episodeId).count()) return;
    const last = await db.queue.orderBy('position').last();
    await db.queue.add({ episodeId, position: (last?.position ?? 0) + 1 });
  });
}

/** Removes an episode from the queue (nothing happens when it is not there). */
export async function dequeue(episodeId: string): Promise<void> {
  await db.queue.where('episodeId').equals(episodeId).delete();
}

/**
 * Moves a queued episode `by` places (negative: towards the front), clamped to the queue's ends.
 * Returns its new index, or -1 when it is not queued.
 */
export async function moveInQueue(episodeId: string, by: number): Promise<number> {
  return db.transaction('rw', db.queue, async () => {
    const items = await db.queue.orderBy('position').toArray();
    const from = items.findIndex((item) => item.episodeId === episodeId);
    if (from < 0) return -1;
    const to = Math.max(0, Math.min(items.length - 1, from + by));
    if (to === from) return from;
    const [moved] = items.splice(from, 1);
    items.splice(to, 0, moved!);
    // Renumbering the whole queue keeps positions dense; a queue holds tens of items, not thousands.
    await db.queue.bulkPut(items.map((item, index) => ({ ...item, position: index + 1 })));
    return to;
  });
}

/** Takes the first episode off the queue and returns its id, or undefined when the queue is empty. */
export async function takeNext(): Promise<string | undefined> {
  return db.transaction('rw', db.queue, async () => {
    const first = await db.queue.orderBy('position').first();
    if (!first) return undefined;
    await db.queue.delete(first.id!);
    return first.episodeId;
  });
}
