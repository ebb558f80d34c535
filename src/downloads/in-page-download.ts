// The page's side of the in-page downloader: hands an attempt to the download worker and relays
// its progress. Loaded only where it runs: a browser with Background Fetch never needs it.
import { proxy, wrap, type Remote } from 'comlink';
import type { Download } from '../db/schema.ts';
import type { DownloadWorker } from './download-worker.ts';
import type { FetchAudioResult } from './fetch-audio.ts';

let worker: Remote<DownloadWorker> | undefined;

/** Runs one attempt of `download` in the worker until it is stored, fails or `signal` aborts it. */
export async function runInPageDownload(
  download: Download,
  options: {
    signal: AbortSignal;
    stallMs: number;
    onProgress: (bytes: number, total?: number) => void;
  },
): Promise<FetchAudioResult> {
  worker ??= wrap<DownloadWorker>(
    new Worker(new URL('./download-worker.ts', import.meta.url), {
      type: 'module',
      name: 'longwave-downloads',
    }),
  );
  const { episodeId, generation, sourceUrl, fetchUrl, bytesTotal, etag, lastModified } = download;
  const abort = () => void worker?.abort(episodeId);
  if (options.signal.aborted) return { kind: 'aborted' };
  options.signal.addEventListener('abort', abort, { once: true });
  try {
    return await worker.download(
      {
        episodeId,
        generation,
        sourceUrl,
        fetchUrl,
        bytesTotal,
        etag,
        lastModified,
        contentType: download.contentType,
      },
      options.stallMs,
      proxy(options.onProgress),
    );
  } finally {
    options.signal.removeEventListener('abort', abort);
  }
}
