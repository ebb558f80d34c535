// A download's progress drawn as a ring around its button, over a real <progress> element that
// carries the role, name and value (tests and assistive technology read it; it is not seen).
import type { Download } from '../../db/schema.ts';
import { useLiveDownload } from './use-live-download.ts';

const RADIUS = 18;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** The ring for a running, queued or paused download; it spins while the size is unknown. */
export function ProgressRing({ download: stored }: { download: Download }) {
  const download = useLiveDownload(stored);
  const { bytesDone, bytesTotal } = download;
  const fraction = bytesTotal ? Math.min(1, bytesDone / bytesTotal) : undefined;
  const state =
    download.state === 'downloading' && fraction === undefined ? 'unknown' : download.state;
  return (
    <span className="progress-ring" data-state={state}>
      <svg viewBox="0 0 44 44" aria-hidden="true">
        <circle className="progress-ring-track" cx="22" cy="22" r={RADIUS} />
        <circle
          className="progress-ring-value"
          cx="22"
          cy="22"
          r={RADIUS}
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - (fraction ?? 0.25))}
        />
      </svg>
      <progress aria-label={`Downloading ${download.title}`} value={fraction} max={1} />
    </span>
  );
}
