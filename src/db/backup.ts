// Backup and restore of the library. Restoring merges into what is there: podcasts already
// subscribed are matched by feed URL and their episodes by GUID then enclosure URL, so nothing the
// listener has is lost, and a played mark or a later position from the backup is kept. A record
// of the backup never replaces one of another podcast or episode that happens to share its id.
import { BACKUP_FORMAT, isPortableSetting, type Backup } from './backup-format.ts';
import { db, episodesOf } from './database.ts';
import { matchPodcast } from './library.ts';
import type { Episode } from './schema.ts';

/** What a restore added, and the records of the file it refused, in plain words. */
export interface RestoreSummary {
  podcasts: number;
  episodes: number;
  refused: string[];
}

/** The library as a backup (no audio: downloads stay on the device they were made on). */
export async function exportBackup(): Promise<Backup> {
  return db.transaction(
    'r',
    [db.podcasts, db.episodes, db.positions, db.queue, db.settings],
    async () => ({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: Date.now(),
      podcasts: await db.podcasts.toArray(),
      episodes: await db.episodes.toArray(),
      positions: await db.positions.toArray(),
      queue: (await db.queue.orderBy('position').toArray()).map((item) => item.episodeId),
      settings: (await db.settings.toArray()).filter(isPortableSetting),
    }),
  );
}

/** Restores a parsed backup file into the library, all or nothing; throws BackupError. */
export async function restoreBackup(data: unknown): Promise<RestoreSummary> {
  // The schemas (and valibot) load here, when a backup is restored, not with the app.
  const { readBackup } = await import('./read-backup.ts');
  const { backup, refused } = readBackup(data);
  const tables = [db.podcasts, db.episodes, db.positions, db.queue, db.settings];
  return db.transaction('rw', tables, async () => {
    const summary = { podcasts: 0, episodes: 0, refused };
    const podcastIds = new Map<string, string>();
    for (const podcast of backup.podcasts) {
      const existing = await matchPodcast([podcast.feedUrl]);
      if (existing) {
        podcastIds.set(podcast.id, existing.id);
        continue;
      }
      // Its id may belong to a podcast of another feed here: that one is never overwritten.
      const id = (await db.podcasts.get(podcast.id)) ? crypto.randomUUID() : podcast.id;
      podcastIds.set(podcast.id, id);
      await db.podcasts.add({ ...podcast, id });
      summary.podcasts += 1;
    }
    const episodeIds = new Map<string, string>();
    const known = new Map<string, KnownEpisodes>();
    for (const episode of backup.episodes) {
      const podcastId = podcastIds.get(episode.podcastId);
      if (!podcastId) continue;
      if (!known.has(podcastId)) known.set(podcastId, await knownEpisodes(podcastId));
      const existing = findEpisode(known.get(podcastId)!, episode);
      episodeIds.set(episode.id, existing?.id ?? episode.id);
      if (!existing) {
        const id = (await db.episodes.get(episode.id)) ? crypto.randomUUID() : episode.id;
        episodeIds.set(episode.id, id);
        const added = { ...episode, id, podcastId };
        await db.episodes.add(added);
        remember(known.get(podcastId)!, added);
        summary.episodes += 1;
      } else if (episode.playedAt !== undefined && existing.playedAt === undefined) {
        await db.episodes.update(existing.id, { playedAt: episode.playedAt });
      }
    }
    for (const position of backup.positions) {
      const episodeId = episodeIds.get(position.episodeId);
      if (!episodeId) continue;
      const current = await db.positions.get(episodeId);
      if (!current || current.updatedAt < position.updatedAt) {
        await db.positions.put({ ...position, episodeId });
      }
    }
    let last = (await db.queue.orderBy('position').last())?.position ?? 0;
    for (const backupId of backup.queue) {
      const episodeId = episodeIds.get(backupId);
      if (!episodeId || (await db.queue.where('episodeId').equals(episodeId).count())) continue;
      last += 1;
      await db.queue.add({ episodeId, position: last });
    }
    for (const setting of backup.settings) {
      if (setting.key !== 'podcastSpeeds') await db.settings.put(setting);
      else await mergeSpeeds(setting.value as Record<string, number>, podcastIds);
    }
    return summary;
  });
}

/** A podcast's stored episodes by GUID and by enclosure URL (the first one of each wins). */
interface KnownEpisodes {
  byGuid: Map<string, Episode>;
  byUrl: Map<string, Episode>;
}

async function knownEpisodes(podcastId: string): Promise<KnownEpisodes> {
  const known: KnownEpisodes = { byGuid: new Map(), byUrl: new Map() };
  for (const episode of await episodesOf(podcastId).toArray()) remember(known, episode);
  return known;
}

function remember(known: KnownEpisodes, episode: Episode): void {
  if (!known.byGuid.has(episode.guid)) known.byGuid.set(episode.guid, episode);
  const url = episode.enclosure?.url;
  if (url && !known.byUrl.has(url)) known.byUrl.set(url, episode);
}

function findEpisode(known: KnownEpisodes, episode: Episode): Episode | undefined {
  const byGuid = known.byGuid.get(episode.guid);
  if (byGuid || !episode.enclosure) return byGuid;
  return known.byUrl.get(episode.enclosure.url);
}

/** Speeds are kept per podcast id: a podcast matched to one already here takes its id. */
async function mergeSpeeds(speeds: Record<string, number>, podcastIds: Map<string, string>) {
  const current = ((await db.settings.get('podcastSpeeds'))?.value ?? {}) as Record<string, number>;
  const restored = Object.entries(speeds).flatMap(([id, speed]) => {
    const target = podcastIds.get(id);
    return target ? [[target, speed]] : [];
  });
  await db.settings.put({
    key: 'podcastSpeeds',
    value: { ...current, ...Object.fromEntries(restored) },
  });
}
