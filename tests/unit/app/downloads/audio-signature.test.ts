// The audio check: every format browsers play passes whatever its type says; a web page never does.
import { describe, expect, it } from 'vitest';
import { hasAudioSignature, judgeAudioStart } from '../../../../src/shared/audio-signature.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

const AUDIO: Record<string, Uint8Array> = {
  'MP3 with ID3': bytes('ID3', [4, 0, 0, 0, 0, 0, 0]),
  'MP3 frame (MPEG-1 layer III, 128 kbit/s, 44.1 kHz)': bytes([0xff, 0xfb, 0x90, 0x64]),
  'MP2 frame (MPEG-2 layer III)': bytes([0xff, 0xf3, 0x40, 0xc4]),
  'AAC in ADTS': bytes([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc]),
  'M4A (ftyp)': bytes([0, 0, 0, 0x20], 'ftypM4A ', [0, 0, 0, 0]),
  'Ogg Vorbis': bytes('OggS', [0, 2], [0, 0, 0, 0, 0, 0, 0, 0], [1, 'v'.charCodeAt(0)]),
  'Opus in Ogg': bytes('OggS', [0, 2, 0, 0, 0, 0, 0, 0, 0, 0], 'OpusHead'),
  FLAC: bytes('fLaC', [0, 0, 0, 0x22]),
  WAV: bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '),
  'WebM (EBML)': bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86]),
  'MP3 frame after zero padding': bytes([0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64]),
  'QuickTime movie (moov first)': bytes([0, 0, 0x10, 0], 'moov', [0, 0, 0, 0x6c], 'mvhd'),
  'M4A with a wide box first': bytes([0, 0, 0, 8], 'wide', [0, 0, 0, 0], 'mdat'),
  AIFF: bytes('FORM', [0, 0, 0x10, 0], 'AIFFCOMM'),
  CAF: bytes('caff', [0, 1, 0, 0], 'desc'),
};

describe('hasAudioSignature', () => {
  for (const [name, start] of Object.entries(AUDIO)) {
    it(`recognises ${name}`, () => expect(hasAudioSignature(start)).toBe(true));
  }

  it('refuses near misses: RIFF that is not WAVE, a reserved MPEG version, too few bytes', () => {
    expect(hasAudioSignature(bytes('RIFF', [0, 0, 0, 0], 'AVI '))).toBe(false);
    expect(hasAudioSignature(bytes([0xff, 0xeb, 0x90, 0x64]))).toBe(false); // version 01
    expect(hasAudioSignature(bytes([0xff, 0xfb, 0xf0, 0x64]))).toBe(false); // bitrate 1111
    expect(hasAudioSignature(bytes('ID'))).toBe(false);
    expect(hasAudioSignature(new Uint8Array())).toBe(false);
    expect(hasAudioSignature(new Uint8Array(64))).toBe(false); // zeros alone
    expect(hasAudioSignature(bytes('FORM', [0, 0, 0, 0], 'ILBM'))).toBe(false); // an image
  });
});

describe('judgeAudioStart', () => {
  it('passes audio under vague or wrong types', () => {
    for (const type of ['application/octet-stream', 'binary/octet-stream', 'text/plain', null])
      expect(judgeAudioStart(type, AUDIO.WAV!)).toBe('audio');
  });

  it('takes a captive portal page for a web page, whatever type it claims', () => {
    const page = bytes('\n  <!DOCTYPE html><html><title>Sign in to the Wi-Fi</title>');
    expect(judgeAudioStart('text/html; charset=utf-8', page)).toBe('web-page');
    expect(judgeAudioStart('audio/mpeg', page)).toBe('web-page');
    expect(judgeAudioStart('application/octet-stream', bytes([0xef, 0xbb, 0xbf], '<html>'))).toBe(
      'web-page',
    );
    expect(judgeAudioStart('text/html', bytes('Please sign in'))).toBe('web-page');
  });

  it('refuses anything else even with an audio type: no signature, no episode', () => {
    expect(judgeAudioStart('audio/mpeg', bytes('{"error":"expired"}'))).toBe('not-audio');
    expect(judgeAudioStart('text/plain', bytes('Access denied'))).toBe('not-audio');
  });
});
