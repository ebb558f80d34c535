import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import {
  finishEpisode,
  getPosition,
  isNearEnd,
  resumeSeconds,
  savePosition,
} from '../../../../src/db/playback.ts';
import { setPlayed } from '../../../../src/db/listener-marks.ts';

async function addEpisode(id: string): Promise<void> {
  await db.episodes.add({
    id,
    podcastId: 'p',
    guid: id,
    title: id,
    descriptionHtml: '',
    publishedAt: 1,
  });
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  await addEpisode('e');
});

describe('positions and played state', () => {
  it('stores the position and resumes there', async () => {
    expect(await savePosition('e', 120, 600)).toBe(false);
    const position = await getPosition('e');
    expect(position).toMatchObject({ seconds: 120, durationSeconds: 600 });
    expect(resumeSeconds(position)).toBe(120);
    expect((await db.episodes.get('e'))?.playedAt).toBeUndefined();
  });

  it('marks the episode played once the position is within the last minute', async () => {
    await savePosition('e', 500, 600);
    expect(await savePosition('e', 541, 600)).toBe(true);
    expect((await db.episodes.get('e'))?.playedAt).toBeTypeOf('number');
    // A played episode played again starts from the beginning.
    expect(resumeSeconds(await getPosition('e'))).toBe(0);
  });

  it('keeps an episode unplayed when the listener unmarks it and keeps listening near the end', async () => {
    await savePosition('e', 550, 600);
    await setPlayed('e', false);
    expect(await savePosition('e', 555, 600)).toBe(false);
    expect((await db.episodes.get('e'))?.playedAt).toBeUndefined();
  });

  it('remembers the duration from an earlier save', async () => {
    await savePosition('e', 10, 600);
    expect(await savePosition('e', 590)).toBe(true);
  });

  it('counts the last minute, or the last half of an episode shorter than two minutes', () => {
    expect(isNearEnd(539, 600)).toBe(false);
    expect(isNearEnd(540, 600)).toBe(true);
    expect(isNearEnd(20, 47)).toBe(false);
    expect(isNearEnd(24, 47)).toBe(true);
    expect(isNearEnd(100, undefined)).toBe(false);
    expect(isNearEnd(100, Infinity)).toBe(false);
  });

  it('marks an ended episode played at its end', async () => {
    await finishEpisode('e', 600);
    expect(await getPosition('e')).toMatchObject({ seconds: 600 });
    expect((await db.episodes.get('e'))?.playedAt).toBeTypeOf('number');
  });

  it('starts at 0 with no saved position', () => {
    expect(resumeSeconds(undefined)).toBe(0);
  });
});
