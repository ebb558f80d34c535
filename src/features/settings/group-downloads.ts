// Downloads grouped by podcast for the storage page, biggest (or newest) first.
import type { DownloadedEpisode } from '../../db/downloaded-episodes.ts';

export type DownloadOrder = 'size' | 'date';

/** One podcast's downloads. */
export interface DownloadGroup {
  key: string;
  title: string;
  bytes: number;
  items: DownloadedEpisode[];
}

/** Groups by podcast; groups and the episodes in them are sorted by `order`, largest or newest first. */
export function groupDownloads(
  items: readonly DownloadedEpisode[],
  order: DownloadOrder,
): DownloadGroup[] {
  const byPodcast = new Map<string, DownloadGroup>();
  for (const item of items) {
    const key = item.podcast?.id ?? '';
    const group = byPodcast.get(key) ?? {
      key,
      title: item.podcast?.title ?? 'No longer subscribed',
      bytes: 0,
      items: [],
    };
    group.bytes += item.bytes;
    group.items.push(item);
    byPodcast.set(key, group);
  }
  const weight = (item: DownloadedEpisode) =>
    order === 'size' ? item.bytes : (item.download.downloadedAt ?? 0);
  const groups = [...byPodcast.values()];
  for (const group of groups) group.items.sort((a, b) => weight(b) - weight(a));
  const groupWeight = (group: DownloadGroup) =>
    order === 'size' ? group.bytes : weight(group.items[0]!);
  return groups.sort((a, b) => groupWeight(b) - groupWeight(a));
}
