// Why the episode in the player cannot play, with Download again when its downloaded copy is what
// failed (the download engine loads only when that is pressed).
import { useState } from 'react';
import { getEpisode } from '../../db/library.ts';
import { usePlayerStore } from './player-store.ts';

/** The player's message, if any, as an alert. */
export function PlayerMessage({ className }: { className: string }) {
  const message = usePlayerStore((state) => state.message);
  const downloadBroken = usePlayerStore((state) => state.downloadBroken);
  const episodeId = usePlayerStore((state) => state.episodeId);
  const [busy, setBusy] = useState(false);
  if (!message) return null;

  async function downloadAgain() {
    const episode = episodeId && (await getEpisode(episodeId));
    if (!episode) return;
    setBusy(true);
    try {
      const { downloadEpisode, removeDownload } =
        await import('../../downloads/download-actions.ts');
      await removeDownload(episode.id);
      await downloadEpisode(episode);
      usePlayerStore.getState().setMessage('Downloading this episode again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div role="alert" className={className}>
      <p>{message}</p>
      {downloadBroken && (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void downloadAgain()}
        >
          Download again
        </button>
      )}
    </div>
  );
}
