// Backup and restore of the library. Restoring merges into what is there: podcasts already
// subscribed are matched by feed URL and their episodes by GUID then enclosure URL, so nothing the
// listener has is lost, and a played mark or a later position from the backup is kept.
import { BACKUP_FORMAT, isPortableSetting, readBackup, type Backup } from './backup-format.ts';
import { db } from './database.ts';
import type { Episode } from './schema.ts';

/** What a restore added. */
export interface RestoreSummary {
  podcasts: number;
  episodes: number;
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
  const backup = readBackup(data);
  const tables = [db.podcasts, db.episodes, db.positions, db.queue, db.settings];
  return db.transaction('rw', tables, async () => {
    const summary = { podcasts: 0, episodes: 0 };
    const podcastIds = new Map<string, string>();
    for (const podcast of backup.podcasts) {
      const existing = await db.podcasts.where('feedUrl').equals(podcast.feedUrl).first();
      podcastIds.set(podcast.id, existing?.id ?? podcast.id);
      if (existing) continue;
      await db.podcasts.put(podcast);
      summary.podcasts += 1;
    }
    const episodeIds = new Map<string, string>();
    for (const episode of backup.episodes) {
      const podcastId = podcastIds.get(episode.podcastId);
      if (!podcastId) continue;
      const existing = await findEpisode(podcastId, episode);
      episodeIds.set(episode.id, existing?.id ?? episode.id);
      if (!existing) {
        await db.episodes.put({ ...episode, podcastId });
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
      else await mergeSpeeds(setting.value as Record<string, unknown>, podcastIds);
    }
    return summary;
  });
}

async function findEpisode(podcastId: string, episode: Episode): Promise<Episode | undefined> {
  const byGuid = await db.episodes
    .where('[podcastId+guid]')
    .equals([podcastId, episode.guid])
    .first();
  if (byGuid || !episode.enclosure) return byGuid;
  return db.episodes
    .where('enclosure.url')
    .equals(episode.enclosure.url)
    .filter((candidate) => candidate.podcastId === podcastId)
    .first();
}

/** Speeds are kept per podcast id: a podcast matched to one already here takes its id. */
async function mergeSpeeds(speeds: Record<string, unknown>, podcastIds: Map<string, string>) {
  const current = ((await db.settings.get('podcastSpeeds'))?.value ?? {}) as Record<string, number>;
  const restored = Object.entries(speeds).flatMap(([id, speed]) => {
    const target = podcastIds.get(id);
    return target && typeof speed === 'number' && speed >= 0.5 && speed <= 3
      ? [[target, speed]]
      : [];
  });
  await db.settings.put({
    key: 'podcastSpeeds',
    value: { ...current, ...Object.fromEntries(restored) },
  });
}
