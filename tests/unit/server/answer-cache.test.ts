import { describe, expect, it } from 'vitest';
import { createAnswerCache } from '../../../server/directory/answer-cache.ts';

const LIFETIMES = { freshSeconds: 600, partialSeconds: 60 };

describe('createAnswerCache', () => {
  it('takes an answer for stale as soon as the clock passes its lifetime', async () => {
    let clock = Date.parse('2026-12-01T07:00:00Z');
    const cache = createAnswerCache({ now: () => clock });
    const first = await cache.get('k', async () => ({ podcasts: [] }), LIFETIMES);
    expect(first.stale).toBe(false);
    clock += 600_001;
    const kept = await cache.get(
      'k',
      async () => {
        throw new Error('down');
      },
      LIFETIMES,
    );
    expect(kept).toEqual({ answer: first.answer, stale: true });
  });

  it('keeps answers within its size, dropping the least recently used', async () => {
    const cache = createAnswerCache({ maxSize: 5000 });
    const big = { podcasts: [], message: 'x'.repeat(2000) };
    let asked = 0;
    const ask = async () => {
      asked += 1;
      return big;
    };
    for (const key of ['a', 'b', 'c']) await cache.get(key, ask, LIFETIMES);
    await cache.get('c', ask, LIFETIMES);
    expect(asked).toBe(3);
    await cache.get('a', ask, LIFETIMES);
    expect(asked).toBe(4);
  });
});
