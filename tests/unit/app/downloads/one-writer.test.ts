// One place changes a download: no module but src/db/downloads.ts (the reducer's writer) writes
// the downloads table, and the schema migrations in src/db/database.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const WRITES =
  /\bdownloads\s*\.\s*(put|add|update|delete|bulkPut|bulkAdd|bulkUpdate|bulkDelete|clear|modify|upsert)\b|table(<[^>]*>)?\(\s*['"]downloads['"]\s*\)/;
const ALLOWED = new Set(['src/db/downloads.ts', 'src/db/database.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('the download table', () => {
  it('is written by the reducer’s writer alone, in page and service worker code', () => {
    const writers = [...sources('src'), ...sources('sw')].filter(
      (path) => !ALLOWED.has(path) && WRITES.test(readFileSync(path, 'utf8')),
    );
    expect(writers).toEqual([]);
  });

  it('would notice a module that wrote it', () => {
    expect(WRITES.test('await db.downloads.update(id, { state: "downloaded" })')).toBe(true);
    expect(WRITES.test("transaction.table('downloads').toCollection()")).toBe(true);
    expect(WRITES.test('await db.downloads.get(id)')).toBe(false);
  });
});
