// Prints figures as a plain-text table: one row per figure, baseline and ratio beside the value.
import { round, type Figure } from './figure.ts';

const HEADERS = ['#', 'what', 'engine', 'value', 'baseline', 'ratio', 'target', 'result'];

/** The table as text, ready for the console. */
export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.bench,
    f.what,
    f.engine,
    `${round(f.value)} ${f.unit}`,
    f.baseline ? `${round(f.baseline.value)} ${f.unit} (${f.baseline.what})` : '—',
    f.ratio === undefined ? '—' : round(f.ratio).toFixed(2),
    f.target,
    f.met === undefined ? 'info' : f.met ? 'met' : 'MISSED',
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  const notes = figures
    .filter((f) => f.note)
    .map((f) => `  ${f.bench} ${f.what} (${f.engine}): ${f.note}`);
  return [
    line(HEADERS),
    widths.map((w) => '-'.repeat(w)).join('-+-'),
    ...rows.map(line),
    ...(notes.length ? ['', 'Notes:', ...notes] : []),
  ].join('\n');
}
