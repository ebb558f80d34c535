// Download speed from successive byte counts, smoothed so the number does not jump about.
import { useEffect, useRef, useState } from 'react';

/** Bytes per second for a counter that grows over time; undefined until there are two samples. */
export function useSpeed(bytes: number): number | undefined {
  const last = useRef<{ bytes: number; at: number }>(undefined);
  const [speed, setSpeed] = useState<number>();
  useEffect(() => {
    const now = performance.now();
    const previous = last.current;
    last.current = { bytes, at: now };
    if (!previous || bytes < previous.bytes || now - previous.at < 100) return;
    const sample = ((bytes - previous.bytes) * 1000) / (now - previous.at);
    setSpeed((current) => (current === undefined ? sample : current * 0.7 + sample * 0.3));
  }, [bytes]);
  return speed;
}
