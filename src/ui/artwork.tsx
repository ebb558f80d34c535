// Podcast and episode artwork with a placeholder: while it loads, when there is none, and when it
// fails to load (offline, a host that is gone), a tile in the theme's colours with an initial.
import { useState } from 'react';

/** A square image of `size` CSS pixels, or its placeholder; decorative (the title is beside it). */
export function Artwork({
  src,
  title,
  size,
  className = '',
  eager = false,
}: {
  src?: string;
  /** Its first letter is drawn on the placeholder. */
  title: string;
  size: number;
  className?: string;
  eager?: boolean;
}) {
  const [failed, setFailed] = useState<string>();
  const initial = title.trim().charAt(0).toUpperCase();
  return (
    <span
      className={`artwork ${className}`}
      style={{ width: size, height: size }}
      data-initial={initial}
      aria-hidden="true"
    >
      {src && failed !== src && (
        <img
          src={src}
          alt=""
          width={size}
          height={size}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          onError={() => setFailed(src)}
        />
      )}
    </span>
  );
}
