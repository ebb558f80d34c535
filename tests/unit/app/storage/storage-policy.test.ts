import { describe, expect, it } from 'vitest';
import {
  downloadsToDelete,
  fitsBudget,
  type StoragePolicy,
} from '../../../../src/downloads/storage-policy.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = 100 * DAY;
const OFF: StoragePolicy = {
  autoDeletePlayedAfterDays: null,
  storageBudgetBytes: null,
  storageBudgetEpisodes: null,
};
const stored = [
  { episodeId: 'unplayed', bytes: 50 },
  { episodeId: 'played-10-days-ago', bytes: 30, playedAt: NOW - 10 * DAY },
  { episodeId: 'played-yesterday', bytes: 20, playedAt: NOW - DAY },
  { episodeId: 'played-now', bytes: 10, playedAt: NOW },
];

describe('downloadsToDelete', () => {
  it('deletes nothing when every setting is off', () => {
    expect(downloadsToDelete(stored, OFF, NOW)).toEqual([]);
  });

  it('deletes played episodes right away, or once they were played N days ago', () => {
    expect(downloadsToDelete(stored, { ...OFF, autoDeletePlayedAfterDays: 0 }, NOW)).toEqual([
      'played-10-days-ago',
      'played-yesterday',
      'played-now',
    ]);
    expect(downloadsToDelete(stored, { ...OFF, autoDeletePlayedAfterDays: 7 }, NOW)).toEqual([
      'played-10-days-ago',
    ]);
  });

  it('never deletes the episode that is playing', () => {
    const policy = { ...OFF, autoDeletePlayedAfterDays: 0 };
    expect(downloadsToDelete(stored, policy, NOW, 'played-now')).not.toContain('played-now');
  });

  it('frees played episodes, oldest played first, until the downloads fit the budget', () => {
    expect(downloadsToDelete(stored, { ...OFF, storageBudgetBytes: 85 }, NOW)).toEqual([
      'played-10-days-ago',
    ]);
    expect(downloadsToDelete(stored, { ...OFF, storageBudgetBytes: 60 }, NOW)).toEqual([
      'played-10-days-ago',
      'played-yesterday',
    ]);
    expect(downloadsToDelete(stored, { ...OFF, storageBudgetEpisodes: 3 }, NOW)).toEqual([
      'played-10-days-ago',
    ]);
  });

  it('keeps unplayed episodes even when they alone exceed the budget', () => {
    const all = downloadsToDelete(stored, { ...OFF, storageBudgetBytes: 1 }, NOW);
    expect(all).toHaveLength(3);
    expect(all).not.toContain('unplayed');
  });
});

describe('fitsBudget', () => {
  it('counts only unplayed downloads, since played ones make way', () => {
    expect(fitsBudget(stored, { ...OFF, storageBudgetBytes: 100 }, [{ bytes: 50 }])).toBe(true);
    expect(fitsBudget(stored, { ...OFF, storageBudgetBytes: 100 }, [{ bytes: 51 }])).toBe(false);
    const two = [{ bytes: 1 }, { bytes: 1 }];
    expect(fitsBudget(stored, { ...OFF, storageBudgetEpisodes: 3 }, two)).toBe(true);
    expect(fitsBudget(stored, { ...OFF, storageBudgetEpisodes: 2 }, two)).toBe(false);
    expect(fitsBudget(stored, OFF, [{ bytes: 10 ** 12 }])).toBe(true);
  });
});
