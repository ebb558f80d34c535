// A running download as it is right now: the stored record with the live bytes of its attempt
// (src/downloads/live-progress.ts), which arrive many times a second while the record is written
// only every few seconds.
import { useEffect } from 'react';
import type { Download } from '../../db/schema.ts';
import { listenForLiveProgress, useLiveProgress } from '../../downloads/live-progress.ts';

/** `download` with live bytes and speed while it downloads; the record as it is otherwise. */
export function useLiveDownload(download: Download): Download & { bytesPerSecond?: number } {
  useEffect(listenForLiveProgress, []);
  const live = useLiveProgress((state) => state.byEpisode[download.episodeId]);
  if (download.state !== 'downloading' || live?.generation !== download.generation) return download;
  return {
    ...download,
    bytesDone: live.bytesDone,
    bytesTotal: live.bytesTotal ?? download.bytesTotal,
    bytesPerSecond: live.bytesPerSecond,
  };
}
