// A library as the app before Downloads v2 left it: an IndexedDB database at schema version 4
// (Dexie numbers it 40), a download record keyed to its enclosure URL, and the audio in the old
// media cache under that URL. Built in the page from the app's own migration list, so the test
// exercises the real upgrade, not a copy of it.
import { MIGRATIONS } from '../../src/db/database.ts';

export interface StoreShape {
  name: string;
  keyPath: string | string[];
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

/** The stores of schema `version`, from Dexie's declarations ('++id, &feedUrl, [a+b], *tags'). */
export function storesAtVersion(version: number): StoreShape[] {
  const declared = new Map<string, string>();
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) {
    for (const [name, spec] of Object.entries(m.stores)) {
      if (spec === null) declared.delete(name);
      else declared.set(name, spec);
    }
  }
  const keyPathOf = (key: string) =>
    key.startsWith('[') ? key.slice(1, -1).split('+') : key.replace(/^(\+\+|&|\*)/, '');
  return [...declared].map(([name, spec]) => {
    const [primary = '', ...indexes] = spec.split(',').map((s) => s.trim());
    return {
      name,
      keyPath: keyPathOf(primary),
      autoIncrement: primary.startsWith('++'),
      indexes: indexes.map((index) => ({
        name: index.replace(/^(&|\*)/, ''),
        keyPath: keyPathOf(index),
        unique: index.startsWith('&'),
        multiEntry: index.startsWith('*'),
      })),
    };
  });
}

/**
 * Runs in a page of the app's origin where the app itself is not running (nothing may reopen the
 * database meanwhile): keeps the podcasts, episodes and settings, recreates the database at
 * `version` with `stores`, marks the episode titled `title` downloaded the old way, and puts its
 * audio (fetched from the host) in the old media cache under its enclosure URL.
 */
export async function rewindLibraryInPage({
  version,
  stores,
  title,
  cacheName,
}: {
  version: number;
  stores: StoreShape[];
  title: string;
  cacheName: string;
}): Promise<void> {
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const kept = ['podcasts', 'episodes', 'settings'];
  const current = await request(indexedDB.open('longwave'));
  const rows: Record<string, unknown[]> = {};
  for (const name of kept) {
    rows[name] = await request(current.transaction(name).objectStore(name).getAll());
  }
  current.close();
  await request(indexedDB.deleteDatabase('longwave'));

  const episode = (
    rows.episodes as { id: string; title: string; enclosure: { url: string } }[]
  ).find((e) => e.title === title);
  if (!episode) throw new Error(`No episode titled "${title}"`);
  const response = await fetch(episode.enclosure.url, { mode: 'cors', cache: 'no-store' });
  if (!response.ok) throw new Error(`The host answered ${response.status}`);
  const audio = await response.blob();
  await (
    await caches.open(cacheName)
  ).put(
    episode.enclosure.url,
    new Response(audio, {
      headers: { 'Content-Type': 'audio/wav', 'Content-Length': String(audio.size) },
    }),
  );

  const open = indexedDB.open('longwave', version * 10);
  open.onupgradeneeded = () => {
    for (const store of stores) {
      const created = open.result.createObjectStore(store.name, {
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement,
      });
      for (const index of store.indexes) {
        created.createIndex(index.name, index.keyPath, {
          unique: index.unique,
          multiEntry: index.multiEntry,
        });
      }
    }
  };
  const old = await request(open);
  const write = old.transaction([...kept, 'downloads'], 'readwrite');
  for (const name of kept) for (const row of rows[name]!) write.objectStore(name).put(row);
  const now = Date.now();
  // A version 4 record: the enclosure URL as `url`, the stored size as `audioBytes`.
  write.objectStore('downloads').put({
    episodeId: episode.id,
    state: 'downloaded',
    strategy: 'in-page',
    url: episode.enclosure.url,
    title: episode.title,
    bytesDone: audio.size,
    bytesTotal: audio.size,
    audioBytes: audio.size,
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    downloadedAt: now,
  });
  await new Promise<void>((resolve, reject) => {
    write.oncomplete = () => resolve();
    write.onerror = () => reject(write.error);
  });
  old.close();
}
