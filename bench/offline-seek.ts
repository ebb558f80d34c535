// Measurement 7: seeking in a downloaded 200 MB episode with no network (Chromium; the service
// worker answers Range requests from Cache Storage). Time from setting currentTime to `seeked`,
// and to the playhead moving again. Baseline: the same seeks in a same-size episode streamed
// from the live media host, before the network goes.
import { setUpDownloadTest } from '../tests/support/download-fixture.ts';
import type { AppTab } from '../tests/support/engine.ts';
import { figure, median, MB, type Figure } from './figure.ts';
import { timedDownload } from './support/page-timing.ts';

const SIZE = 200 * MB;
const TARGET_MS = 100;
const POSITIONS = [0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8];

interface Seeks {
  seeked: number[];
  playing: number[];
}

/** Plays `url` in an audio element and seeks to each position (fractions of the duration). */
function seeks(tab: AppTab, url: string): Promise<Seeks> {
  return tab.evaluate(
    async ({ url, positions }) => {
      const audio = new Audio();
      audio.preload = 'auto';
      audio.muted = true;
      audio.src = url;
      document.body.append(audio);
      await new Promise((resolve, reject) => {
        audio.addEventListener('loadedmetadata', resolve, { once: true });
        audio.addEventListener('error', () =>
          reject(new Error(`audio error ${audio.error?.code}`)),
        );
        setTimeout(() => reject(new Error('no metadata in 15 s')), 15_000);
      });
      await audio.play();
      const out = { seeked: [] as number[], playing: [] as number[] };
      for (const position of positions) {
        const target = position * audio.duration;
        const seeked = new Promise((resolve) =>
          audio.addEventListener('seeked', resolve, { once: true }),
        );
        const started = performance.now();
        audio.currentTime = target;
        await seeked;
        out.seeked.push(performance.now() - started);
        const deadline = performance.now() + 5_000;
        while (audio.paused || audio.readyState < 3 || audio.currentTime <= target + 0.005) {
          if (performance.now() > deadline) throw new Error(`not playing after seek to ${target}`);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        out.playing.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      audio.pause();
      audio.remove();
      return out;
    },
    { url, positions: POSITIONS },
  );
}

/** Runs measurement 7 in Chromium. */
export async function benchOfflineSeek(): Promise<Figure[]> {
  const fixture = await setUpDownloadTest('chromium-in-page', [SIZE, SIZE]);
  try {
    const { tab, media, engine } = fixture;
    const [episode, other] = media.episodes;
    await timedDownload(tab, episode!.title);
    const online = await seeks(tab, media.audioUrl(other!.slug));
    await engine.setOffline(true);
    await media.close();
    const offline = await seeks(tab, media.audioUrl(episode!.slug));
    const list = (values: number[]) => values.map((v) => Math.round(v)).join('/');
    const make = (what: string, pick: (s: Seeks) => number[]) => {
      const value = median(pick(offline));
      return {
        ...figure({
          bench: '7 offline seek',
          what,
          engine: 'chromium',
          value,
          unit: 'ms',
          baseline: { what: 'streamed online', value: median(pick(online)) },
          target: `≤ ${TARGET_MS} ms`,
        }),
        met: Math.max(...pick(offline)) <= TARGET_MS,
        note: `offline ${list(pick(offline))} ms; online ${list(pick(online))} ms (median shown; target on the worst)`,
      };
    };
    return [
      make('seek → seeked, 200 MB cached', (s) => s.seeked),
      make('seek → playing', (s) => s.playing),
    ];
  } finally {
    await fixture.dispose();
  }
}
