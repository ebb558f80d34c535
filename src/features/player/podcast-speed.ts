// Playback speed remembered per podcast, stored with the settings.
import { getSetting, setSetting } from '../../db/settings.ts';

/** The speeds the player offers. */
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3];

/** The speed last chosen for a podcast, or 1. */
export async function podcastSpeed(podcastId: string): Promise<number> {
  return (await getSetting('podcastSpeeds'))?.[podcastId] ?? 1;
}

/** Remembers the speed chosen for a podcast. */
export async function rememberPodcastSpeed(podcastId: string, rate: number): Promise<void> {
  const speeds = (await getSetting('podcastSpeeds')) ?? {};
  await setSetting('podcastSpeeds', { ...speeds, [podcastId]: rate });
}
