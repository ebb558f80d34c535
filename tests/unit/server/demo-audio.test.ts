// The synthesised demo audio: a valid WAV file, identical on every request and for every range.
import { describe, expect, it } from 'vitest';
import {
  DEMO_AUDIO_CHUNK_BYTES,
  demoAudioChunks,
  demoAudioRange,
  demoAudioSha256,
  wavHeader,
} from '../../../server/demo/demo-audio.ts';
import {
  demoDurationSeconds,
  demoEpisodes,
  findDemoEpisode,
} from '../../../server/demo/demo-episodes.ts';

const MIB = 2 ** 20;
const smallest = demoEpisodes.reduce((a, b) => (a.bytes <= b.bytes ? a : b));
const largest = demoEpisodes.reduce((a, b) => (a.bytes >= b.bytes ? a : b));

describe('the demo catalogue', () => {
  it('has at least 8 episodes from about 2 MiB to over 100 MiB', () => {
    expect(demoEpisodes.length).toBeGreaterThanOrEqual(8);
    expect(smallest.bytes).toBeLessThanOrEqual(2.5 * MIB);
    expect(largest.bytes).toBeGreaterThanOrEqual(100 * MIB);
  });

  it('has unique slugs, whole 16-bit samples, and findable episodes', () => {
    expect(new Set(demoEpisodes.map((episode) => episode.slug)).size).toBe(demoEpisodes.length);
    for (const episode of demoEpisodes) {
      expect((episode.bytes - 44) % 2).toBe(0);
      expect(findDemoEpisode(episode.slug)).toBe(episode);
    }
    expect(findDemoEpisode('no-such-episode')).toBeUndefined();
    expect(demoDurationSeconds(smallest)).toBeCloseTo((smallest.bytes - 44) / 44100);
  });
});

describe('wavHeader', () => {
  it('writes a canonical PCM 16-bit mono 22050 Hz header', () => {
    const header = wavHeader(1000);
    expect(header.length).toBe(44);
    expect(header.toString('ascii', 0, 4)).toBe('RIFF');
    expect(header.readUInt32LE(4)).toBe(36 + 1000);
    expect(header.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect(header.readUInt32LE(16)).toBe(16);
    expect(header.readUInt16LE(20)).toBe(1);
    expect(header.readUInt16LE(22)).toBe(1);
    expect(header.readUInt32LE(24)).toBe(22050);
    expect(header.readUInt32LE(28)).toBe(44100);
    expect(header.readUInt16LE(32)).toBe(2);
    expect(header.readUInt16LE(34)).toBe(16);
    expect(header.toString('ascii', 36, 40)).toBe('data');
    expect(header.readUInt32LE(40)).toBe(1000);
  });
});

describe('demo audio', () => {
  const whole = demoAudioRange(smallest, 0, smallest.bytes - 1);

  it('starts with the header for its own size', () => {
    expect(whole.subarray(0, 44)).toEqual(wavHeader(smallest.bytes - 44));
  });

  it('is exactly `bytes` long, chunk by chunk, for every episode', () => {
    for (const episode of demoEpisodes) {
      let total = 0;
      for (const chunk of demoAudioChunks(episode)) {
        expect(chunk.length).toBeLessThanOrEqual(DEMO_AUDIO_CHUNK_BYTES);
        total += chunk.length;
      }
      expect(total).toBe(episode.bytes);
    }
  });

  it('gives every range the same bytes as the same slice of the whole file', () => {
    const second = 44 + 44100;
    const ranges: [number, number][] = [
      [0, 0],
      [0, 43],
      [0, 44],
      [40, 50],
      [43, second + 10],
      [second - 3, second + 3],
      [DEMO_AUDIO_CHUNK_BYTES - 5, DEMO_AUDIO_CHUNK_BYTES + 5],
      [12345, 3 * DEMO_AUDIO_CHUNK_BYTES + 17],
      [smallest.bytes - 10, smallest.bytes - 1],
    ];
    for (const [start, end] of ranges) {
      expect(demoAudioRange(smallest, start, end).equals(whole.subarray(start, end + 1))).toBe(
        true,
      );
      const chunked = Buffer.concat([...demoAudioChunks(smallest, start, end, 1000)]);
      expect(chunked.equals(whole.subarray(start, end + 1))).toBe(true);
    }
  });

  it('is the same on every call', () => {
    expect(demoAudioRange(smallest, 0, smallest.bytes - 1).equals(whole)).toBe(true);
    expect(demoAudioSha256(smallest)).toBe(demoAudioSha256(smallest));
    const other = demoEpisodes.find((episode) => episode !== smallest)!;
    expect(demoAudioSha256(other)).not.toBe(demoAudioSha256(smallest));
  });

  it('has not changed sound without a new ETag version', () => {
    // If this fails on purpose, bump AUDIO_VERSION in serve-demo-audio.ts and update the hash.
    expect(demoAudioSha256(smallest)).toMatchInlineSnapshot(
      `"2a118f029bdf5123d9eca4e609aa79bcbf277ece216e19ae55b228caa9552d89"`,
    );
  });

  it('hashes the largest episode quickly, streaming', () => {
    const started = performance.now();
    expect(demoAudioSha256(largest)).toMatch(/^[0-9a-f]{64}$/);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('is audible: moderate amplitude, never clipping, silent at the very end', () => {
    const samples = new Int16Array(whole.buffer, whole.byteOffset + 44, (whole.length - 44) / 2);
    let sumOfSquares = 0;
    let peak = 0;
    for (const sample of samples) {
      sumOfSquares += sample * sample;
      peak = Math.max(peak, Math.abs(sample));
    }
    const rms = Math.sqrt(sumOfSquares / samples.length);
    expect(rms).toBeGreaterThan(1000);
    expect(peak).toBeLessThan(32767);
    expect(samples.subarray(-100).every((sample) => sample === 0)).toBe(true);
  });

  it('rejects ranges outside the file', () => {
    expect(() => demoAudioRange(smallest, -1, 10)).toThrow(RangeError);
    expect(() => demoAudioRange(smallest, 10, 9)).toThrow(RangeError);
    expect(() => demoAudioRange(smallest, 0, smallest.bytes)).toThrow(RangeError);
  });
});
