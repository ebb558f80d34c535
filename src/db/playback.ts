// Playback positions and the played state they imply: save while playing, resume where left off.
import { db } from './database.ts';
import type { PlaybackPosition } from './schema.ts';

/** Within this many seconds of the end an episode counts as played. */
export const PLAYED_WITHIN_SECONDS = 60;

/** Whether a position this close to the end means the episode was heard. */
export function isNearEnd(seconds: number, durationSeconds: number | undefined): boolean {
  if (!durationSeconds || !Number.isFinite(durationSeconds)) return false;
  return durationSeconds - seconds <= Math.min(PLAYED_WITHIN_SECONDS, durationSeconds / 2);
}

/** The saved position of an episode, or undefined when it was never played. */
export function getPosition(episodeId: string): Promise<PlaybackPosition | undefined> {
  return db.positions.get(episodeId);
}

/**
 * Where playback should start: the saved position, or the beginning when there is none or the
 * episode was heard to (nearly) its end, so replaying a played episode starts it again.
 */
export function resumeSeconds(position: PlaybackPosition | undefined): number {
  if (!position || isNearEnd(position.seconds, position.durationSeconds)) return 0;
  return position.seconds;
}

/**
 * Stores where the listener is; reaching the last minute marks the episode played (once: an
 * episode marked unplayed by hand stays so until it is played into the last minute again).
 * Returns whether this save marked it played. Nothing is stored for an episode no longer in the
 * library (a save that lands just after its podcast was unsubscribed).
 */
export async function savePosition(
  episodeId: string,
  seconds: number,
  durationSeconds?: number,
): Promise<boolean> {
  return db.transaction('rw', db.positions, db.episodes, async () => {
    const episode = await db.episodes.get(episodeId);
    if (!episode) return false;
    const before = await db.positions.get(episodeId);
    const duration = durationSeconds ?? before?.durationSeconds;
    await db.positions.put({
      episodeId,
      seconds,
      durationSeconds: duration,
      updatedAt: Date.now(),
    });
    const crossed = isNearEnd(seconds, duration) && !isNearEnd(before?.seconds ?? 0, duration);
    if (!crossed || episode.playedAt !== undefined) return false;
    await db.episodes.update(episodeId, { playedAt: Date.now() });
    return true;
  });
}

/** Marks an episode played because its audio ended, and remembers the end as its position. */
export async function finishEpisode(episodeId: string, durationSeconds: number): Promise<void> {
  await db.transaction('rw', db.positions, db.episodes, async () => {
    const episode = await db.episodes.get(episodeId);
    if (!episode) return;
    await db.positions.put({
      episodeId,
      seconds: durationSeconds,
      durationSeconds,
      updatedAt: Date.now(),
    });
    if (episode.playedAt === undefined) {
      await db.episodes.update(episodeId, { playedAt: Date.now() });
    }
  });
}
