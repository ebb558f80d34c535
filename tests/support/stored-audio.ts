// What the app really stored for an episode, read in the page: its parts straight from IndexedDB,
// or the audio the service worker serves at /media/<episodeId>. Tests compare the SHA-256 with the
// host's. Functions passed to evaluate run in the page, so they are self-contained.

/** Where to read the audio: the stored parts, or the app's media address through the worker. */
export type AudioSource = 'parts' | 'served';

/** Runs in the page: SHA-256 (hex) of the episode's audio, or null when there is none. */
export async function audioSha256InPage({
  title,
  source,
}: {
  title: string;
  source: AudioSource;
}): Promise<string | null> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('longwave');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const rows = <T>(store: string): Promise<T[]> =>
    new Promise((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as T[]);
      request.onerror = () => reject(request.error);
    });
  const episodes = await rows<{ id: string; title: string }>('episodes');
  const parts = await rows<{ episodeId: string; offset: number; blob?: Blob; bytes?: ArrayBuffer }>(
    'parts',
  );
  db.close();
  const episode = episodes.find((e) => e.title === title);
  if (!episode) throw new Error(`No episode titled "${title}"`);
  let bytes: ArrayBuffer;
  if (source === 'served') {
    const response = await fetch(`/media/${encodeURIComponent(episode.id)}`, { cache: 'no-store' });
    if (!response.ok) return null;
    bytes = await response.arrayBuffer();
  } else {
    const mine = parts
      .filter((p) => p.episodeId === episode.id)
      .sort((a, b) => a.offset - b.offset);
    if (mine.length === 0) return null;
    bytes = await new Blob(mine.map((p) => p.blob ?? new Blob([p.bytes!]))).arrayBuffer();
  }
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Runs in the page: what a crash or cleared storage leaves behind. Stores audio for an episode id
 * no download owns (`orphan`), and deletes the stored audio of the episode titled `lose`.
 */
export async function damageStorageInPage({
  orphan,
  lose,
}: {
  orphan?: string;
  lose?: string;
}): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('longwave');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const episodes = await new Promise<{ id: string; title: string }[]>((resolve, reject) => {
    const request = db.transaction('episodes').objectStore('episodes').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const lost = episodes.find((e) => e.title === lose)?.id;
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('parts', 'readwrite');
    const parts = tx.objectStore('parts');
    if (orphan)
      parts.put({ episodeId: orphan, offset: 0, size: 11, blob: new Blob(['stray bytes']) });
    if (lost) parts.delete(IDBKeyRange.bound([lost, 0], [lost, Infinity]));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}
