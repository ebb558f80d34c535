// "Unsubscribe": asks first, saying which downloads go with the podcast, then removes it all.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { downloadSize } from '../../db/downloads.ts';
import { podcastDownloads } from '../../db/library.ts';
import type { Podcast } from '../../db/schema.ts';
import { formatBytes } from '../../shared/format.ts';
import { messageOf, unsubscribe } from './library-actions.ts';

/** The Unsubscribe button and its confirmation dialog. */
export function UnsubscribeButton({ podcast }: { podcast: Podcast }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        Unsubscribe
      </button>
      {asking && <ConfirmDialog podcast={podcast} onClose={() => setAsking(false)} />}
    </>
  );
}

function ConfirmDialog({ podcast, onClose }: { podcast: Podcast; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const downloads = useLiveQuery(() => podcastDownloads(podcast.id), [podcast.id]);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
    return () => element?.close?.();
  }, []);

  async function confirm() {
    setBusy(true);
    try {
      await unsubscribe(podcast.id);
      navigate('/');
    } catch (reason) {
      setError(messageOf(reason));
      setBusy(false);
    }
  }

  const done = downloads?.filter((download) => download.state === 'downloaded') ?? [];
  const running = (downloads?.length ?? 0) - done.length;
  const bytes = done.reduce((sum, download) => sum + downloadSize(download), 0);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="unsubscribe-title"
      onClose={onClose}
    >
      <h2 id="unsubscribe-title">Unsubscribe from {podcast.title}?</h2>
      {done.length > 0 && (
        <p>
          {done.length === 1 ? '1 downloaded episode' : `${done.length} downloaded episodes`} (
          {formatBytes(bytes)}) will be deleted from this device.
        </p>
      )}
      {running > 0 && (
        <p>{running === 1 ? '1 download' : `${running} downloads`} in progress will be stopped.</p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" disabled={busy || !downloads} onClick={() => void confirm()}>
          {downloads && downloads.length > 0
            ? 'Unsubscribe and delete downloads'
            : 'Yes, unsubscribe'}
        </button>
        <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
          Keep subscription
        </button>
      </div>
    </dialog>
  );
}
