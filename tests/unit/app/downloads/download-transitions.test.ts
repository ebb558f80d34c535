import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { canTransition } from '../../../../src/db/download-transitions.ts';
import { getDownload, putDownload, updateDownload } from '../../../../src/db/downloads.ts';
import type { DownloadState } from '../../../../src/db/schema.ts';

describe('the download state machine', () => {
  it('follows queued → downloading ⇄ paused → downloaded | failed | cancelled', () => {
    const path: DownloadState[] = ['queued', 'downloading', 'paused', 'downloading', 'downloaded'];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
    expect(canTransition('downloading', 'failed')).toBe(true);
    expect(canTransition('paused', 'cancelled')).toBe(true);
    expect(canTransition('failed', 'queued')).toBe(true);
  });

  it('never leaves downloaded, and never skips the queue from failed', () => {
    for (const to of ['queued', 'downloading', 'paused', 'failed', 'cancelled'] as const) {
      expect(canTransition('downloaded', to)).toBe(false);
    }
    expect(canTransition('failed', 'downloading')).toBe(false);
    expect(canTransition('cancelled', 'downloaded')).toBe(false);
  });
});

describe('updateDownload under the state machine', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
    await putDownload({
      episodeId: 'e',
      state: 'downloading',
      strategy: 'in-page',
      url: 'https://x/a',
      fetchUrl: 'https://x/a',
      title: 'A',
      bytesDone: 0,
      attempts: 0,
      createdAt: 1,
      updatedAt: 1,
    });
  });

  it('refuses a late event that would undo a finished download', async () => {
    expect(await updateDownload('e', { state: 'downloaded', bytesDone: 10 })).toBe(true);
    expect(await updateDownload('e', { state: 'cancelled' })).toBe(false);
    expect(await updateDownload('e', { state: 'paused' })).toBe(false);
    expect(await getDownload('e')).toMatchObject({ state: 'downloaded', bytesDone: 10 });
  });

  it('a cancelled download cannot be picked up by a scheduler pass that started before', async () => {
    await updateDownload('e', { state: 'cancelled' });
    expect(await updateDownload('e', { state: 'downloading' })).toBe(false);
  });
});
