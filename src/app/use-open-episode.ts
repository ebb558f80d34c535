// A tap on a download notification while the app is open: the service worker focuses this window
// and says which episode to show.
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { getEpisode } from '../db/library.ts';
import { DOWNLOADS_HREF, episodeHref } from '../shared/app-routes.ts';
import { onServiceWorkerMessage } from '../sw-bridge.ts';

/** Goes to the episode named by an OPEN_EPISODE message. */
export function useOpenEpisodeMessages(): void {
  const [, navigate] = useLocation();
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    return onServiceWorkerMessage((message) => {
      if (message.type !== 'OPEN_EPISODE') return;
      void getEpisode(message.episodeId).then((episode) =>
        navigate(episode ? episodeHref(episode.podcastId, episode.id) : DOWNLOADS_HREF),
      );
    });
  }, [navigate]);
}
