// Podcast and episode artwork with a placeholder: while it loads, when there is none, and when it
// fails to load (offline and not stored, a host that is gone), a tile in the theme's colours with
// an initial. An episode's own artwork falls back to its podcast's (stored longer: see
// src/shared/artwork-budget.ts).
import { useState } from 'react';
import { artworkAddress } from './artwork-address.ts';

/** A square image of `size` CSS pixels, or its placeholder; decorative (the title is beside it). */
export function Artwork({
  src,
  fallback,
  title,
  size,
  className = '',
  eager = false,
}: {
  /** The artwork's URL as the feed gave it; only http(s) is loaded. */
  src?: string;
  /** Shown when `src` is missing or fails: the podcast's artwork for an episode. */
  fallback?: string;
  /** Its first letter is drawn on the placeholder. */
  title: string;
  size: number;
  className?: string;
  eager?: boolean;
}) {
  const [failed, setFailed] = useState<string[]>([]);
  const initial = title.trim().charAt(0).toUpperCase();
  const shown = [artworkAddress(src), artworkAddress(fallback)].find(
    (address) => address !== undefined && !failed.includes(address),
  );
  return (
    <span
      className={`artwork ${className}`}
      style={{ width: size, height: size }}
      data-initial={initial}
      aria-hidden="true"
    >
      {shown && (
        <img
          key={shown}
          src={shown}
          alt=""
          width={size}
          height={size}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          onError={() => setFailed((old) => [...old, shown])}
        />
      )}
    </span>
  );
}
