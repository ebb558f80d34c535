import { beforeEach, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { getDownload, putDownload, updateDownload } from '../../../src/db/downloads.ts';
import { recordProgress } from '../../../src/downloads/record-progress.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
  await putDownload({
    episodeId: 'e',
    state: 'downloading',
    strategy: 'background-fetch',
    url: 'https://x/a',
    fetchUrl: 'https://x/a',
    title: 'A',
    bytesDone: 0,
    attempts: 1,
    createdAt: 1,
    updatedAt: 1,
  });
});

it('records progress of a running download', async () => {
  await recordProgress('e', 500, true);
  expect((await getDownload('e'))?.bytesDone).toBe(500);
});

it('never overwrites a download that already finished', async () => {
  await updateDownload('e', { state: 'downloaded', bytesDone: 1000 });
  await recordProgress('e', 10, true);
  expect(await getDownload('e')).toMatchObject({ state: 'downloaded', bytesDone: 1000 });
});
