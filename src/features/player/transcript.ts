// podcast:transcript files: WebVTT and SRT (timed), the JSON format (timed), HTML or plain text.

/** One stretch of speech; `start`/`end` in seconds, absent for untimed transcripts. */
export interface Cue {
  start?: number;
  end?: number;
  text: string;
}

const TIMING = /((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;

/** A transcript's cues, by its MIME type (falling back on what the text looks like). */
export function parseTranscript(text: string, type: string): Cue[] {
  if (type.includes('json')) return parseJson(text);
  if (type.includes('vtt') || type.includes('srt') || TIMING.test(text)) return parseTimed(text);
  const plain = type.includes('html') ? stripTags(text) : text;
  return plain
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({ text: paragraph }));
}

/** The index of the cue spoken at `seconds`, or -1. */
export function currentCueIndex(cues: Cue[], seconds: number): number {
  return cues.findIndex(
    (cue) =>
      cue.start !== undefined && cue.end !== undefined && cue.start <= seconds && seconds < cue.end,
  );
}

function parseTimed(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((line) => TIMING.test(line));
    if (at < 0) continue;
    const [, start, end] = TIMING.exec(lines[at]!)!;
    const words = stripTags(lines.slice(at + 1).join(' ')).trim();
    if (words) cues.push({ start: seconds(start!), end: seconds(end!), text: words });
  }
  return cues;
}

function parseJson(text: string): Cue[] {
  const data = JSON.parse(text) as {
    segments?: { startTime?: number; endTime?: number; body?: string }[];
  };
  return (data.segments ?? [])
    .filter((segment) => typeof segment.body === 'string' && segment.body.trim())
    .map((segment) => ({
      start: segment.startTime,
      end: segment.endTime,
      text: segment.body!.trim(),
    }));
}

function seconds(clock: string): number {
  return clock
    .replace(',', '.')
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
}

function stripTags(html: string): string {
  // Text only: the transcript is shown as text, never as markup.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return doc.body.textContent ?? '';
}
