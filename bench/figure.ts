// One reported number: its value, the same-run baseline it is compared with, the ratio and the
// target. The table and results.json are made of these.

export interface Figure {
  /** The measurement it belongs to, e.g. "1 throughput". */
  bench: string;
  /** What was measured, in a few words. */
  what: string;
  engine: string;
  value: number;
  unit: string;
  baseline?: { what: string; value: number };
  /** value / baseline.value. */
  ratio?: number;
  /** The target in words, e.g. "ratio ≥ 0.95". */
  target: string;
  /** Whether the target is met; undefined when the figure has no target of its own. */
  met?: boolean;
  note?: string;
}

/** A figure with its ratio filled in from the baseline. */
export function figure(f: Omit<Figure, 'ratio'>): Figure {
  const ratio = f.baseline && f.baseline.value !== 0 ? f.value / f.baseline.value : undefined;
  return { ...f, ratio };
}

export const MIB = 2 ** 20;
export const MB = 1e6;

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds for display: three significant figures, no exponent. */
export function round(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return Number(value.toFixed(Math.min(digits, 3)));
}
