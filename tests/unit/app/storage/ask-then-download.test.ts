// Large downloads on a metered connection ask first, when the listener wants that; else they start.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import type { Episode } from '../../../../src/db/schema.ts';
import { setSetting } from '../../../../src/db/settings.ts';
import { isMeteredConnection } from '../../../../src/downloads/metered-connection.ts';
import { askThenDownload } from '../../../../src/features/downloads/ask-then-download.ts';

const started = vi.hoisted(() => [] as string[]);
vi.mock('../../../../src/downloads/download-actions.ts', () => ({
  downloadEpisode: (episode: Episode) => Promise.resolve(void started.push(episode.id)),
}));

const episode = (length: number): Episode => ({
  id: `e${length}`,
  podcastId: 'p',
  guid: 'g',
  title: 'Long one',
  descriptionHtml: '',
  publishedAt: 1,
  enclosure: { url: 'https://host.example/a.mp3', type: 'audio/mpeg', length },
});

beforeEach(async () => {
  started.length = 0;
  await db.delete();
  await db.open();
});

describe('isMeteredConnection', () => {
  it('believes the Network Information API, and assumes nothing without it', () => {
    expect(isMeteredConnection({ type: 'cellular' })).toBe(true);
    expect(isMeteredConnection({ saveData: true })).toBe(true);
    expect(isMeteredConnection({ type: 'wifi', saveData: false })).toBe(false);
    expect(isMeteredConnection(undefined)).toBe(false);
  });
});

describe('askThenDownload', () => {
  it('asks before a large download on a metered connection, and respects the answer', async () => {
    vi.stubGlobal('navigator', { ...navigator, connection: { type: 'cellular' } });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await askThenDownload(episode(80_000_000));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('80 MB'));
    expect(started).toEqual([]);
    confirm.mockReturnValue(true);
    await askThenDownload(episode(80_000_000));
    expect(started).toEqual(['e80000000']);

    confirm.mockClear();
    await askThenDownload(episode(10_000_000)); // small: no question
    await setSetting('warnOnMeteredDownloads', false);
    await askThenDownload(episode(90_000_000)); // the listener said not to ask
    expect(confirm).not.toHaveBeenCalled();
    expect(started).toHaveLength(3);
    vi.unstubAllGlobals();
  });
});
