// The demo episodes' audio: a real WAV file per episode, synthesised on request and addressable by
// byte range, so a 120 MiB file can be served from any offset without ever existing as a whole.
import { createHash } from 'node:crypto';
import type { DemoEpisode } from './demo-episodes.ts';
import { WAV_FORMAT } from './wav-format.ts';

const { sampleRate, bytesPerSecond, headerBytes } = WAV_FORMAT;

/** Largest buffer the chunk generator yields: big enough for throughput, small enough to stay flat. */
export const DEMO_AUDIO_CHUNK_BYTES = 256 * 1024;

// C major pentatonic over an octave and a bit: any sequence of these sounds pleasant.
const SCALE_HZ = [261.63, 293.66, 329.63, 392.0, 440.0, 523.25, 587.33, 659.25];
const PHRASE_SECONDS = 8;
const STEPS = [-2, -1, -1, 0, 1, 1, 2];
const SILENCE = Buffer.alloc(bytesPerSecond);
const noteCache = new Map<number, Buffer>();

/** The 44-byte canonical RIFF/WAVE header for `dataBytes` of PCM 16-bit mono 22050 Hz. */
export function wavHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(headerBytes);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(headerBytes - 8 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(WAV_FORMAT.channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(bytesPerSecond, 28);
  header.writeUInt16LE(WAV_FORMAT.channels * WAV_FORMAT.bytesPerSample, 32);
  header.writeUInt16LE(WAV_FORMAT.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** Bytes `start`..`endInclusive` of the episode's WAV file, in one buffer (for small ranges). */
export function demoAudioRange(episode: DemoEpisode, start: number, endInclusive: number): Buffer {
  checkRange(episode, start, endInclusive);
  const out = Buffer.allocUnsafe(endInclusive - start + 1);
  fill(episode, out, start);
  return out;
}

/** The same bytes as demoAudioRange, lazily, in chunks of at most `chunkBytes`. */
export function* demoAudioChunks(
  episode: DemoEpisode,
  start = 0,
  endInclusive = episode.bytes - 1,
  chunkBytes = DEMO_AUDIO_CHUNK_BYTES,
): Generator<Buffer, void, undefined> {
  checkRange(episode, start, endInclusive);
  for (let offset = start; offset <= endInclusive; offset += chunkBytes) {
    const chunk = Buffer.allocUnsafe(Math.min(chunkBytes, endInclusive - offset + 1));
    fill(episode, chunk, offset);
    yield chunk;
  }
}

/** SHA-256 (hex) of the episode's whole file, computed chunk by chunk. */
export function demoAudioSha256(episode: DemoEpisode): string {
  const hash = createHash('sha256');
  for (const chunk of demoAudioChunks(episode)) hash.update(chunk);
  return hash.digest('hex');
}

function checkRange(episode: DemoEpisode, start: number, endInclusive: number): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(endInclusive)) {
    throw new RangeError('Byte offsets must be integers.');
  }
  if (start < 0 || endInclusive < start || endInclusive >= episode.bytes) {
    throw new RangeError(`Bytes ${start}-${endInclusive} are outside ${episode.bytes}.`);
  }
}

/** Writes the file's bytes from `offset` into all of `target`, by copying cached seconds. */
function fill(episode: DemoEpisode, target: Buffer, offset: number): void {
  let written = 0;
  if (offset < headerBytes) {
    written = wavHeader(episode.bytes - headerBytes).copy(target, 0, offset);
  }
  const seed = hash(fnv1a(episode.slug));
  // The last, partial second is silent so the file ends without a click.
  const lastFullSecond = Math.floor((episode.bytes - headerBytes) / bytesPerSecond) - 1;
  while (written < target.length) {
    const dataOffset = offset + written - headerBytes;
    const second = Math.floor(dataOffset / bytesPerSecond);
    const within = dataOffset - second * bytesPerSecond;
    const source = second > lastFullSecond ? SILENCE : noteBuffer(noteAt(seed, second));
    written += source.copy(target, written, within);
  }
}

/** Which scale degree plays in `second`: a small random walk per phrase, ending on a C. */
function noteAt(seed: number, second: number): number {
  const phrase = Math.floor(second / PHRASE_SECONDS);
  const position = second % PHRASE_SECONDS;
  if (position === PHRASE_SECONDS - 1) return hash(seed, phrase) % 2 === 0 ? 0 : 5;
  let note = 2 + (hash(seed, phrase) % 4);
  for (let step = 1; step <= position; step += 1) {
    note += STEPS[hash(seed, phrase, step) % STEPS.length] ?? 0;
    if (note < 0) note = -note;
    if (note >= SCALE_HZ.length) note = 2 * (SCALE_HZ.length - 1) - note;
  }
  return note;
}

/** One second of one note as 16-bit PCM, synthesised once and then reused. */
function noteBuffer(note: number): Buffer {
  const cached = noteCache.get(note);
  if (cached) return cached;
  const frequency = SCALE_HZ[note] ?? SCALE_HZ[0]!;
  const buffer = Buffer.alloc(bytesPerSecond);
  const attack = 0.015 * sampleRate;
  const release = 0.04 * sampleRate;
  for (let i = 0; i < sampleRate; i += 1) {
    const t = i / sampleRate;
    const phase = 2 * Math.PI * frequency * t;
    // A soft bell: fundamental with faint overtones, decaying; fades at both ends avoid clicks.
    const tone = Math.sin(phase) + 0.25 * Math.sin(2 * phase) + 0.08 * Math.sin(3 * phase);
    let envelope = Math.exp(-2.2 * t);
    if (i < attack) envelope *= 0.5 - 0.5 * Math.cos((Math.PI * i) / attack);
    const left = sampleRate - 1 - i;
    if (left < release) envelope *= 0.5 - 0.5 * Math.cos((Math.PI * left) / release);
    buffer.writeInt16LE(Math.round(tone * envelope * 0.3 * 32767), i * 2);
  }
  noteCache.set(note, buffer);
  return buffer;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A small integer hash: deterministic, well mixed, no state. */
function hash(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h = Math.imul(h ^ value, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}
