// The one audio format the demo podcast uses, shared by the catalogue and the synthesiser.

/** PCM, 16-bit little-endian, mono, 22050 Hz: small files that every browser plays. */
export const WAV_FORMAT = {
  sampleRate: 22050,
  channels: 1,
  bitsPerSample: 16,
  bytesPerSample: 2,
  /** 22050 samples × 2 bytes. */
  bytesPerSecond: 44100,
  /** The canonical RIFF/WAVE header: RIFF + fmt + data chunk headers. */
  headerBytes: 44,
} as const;
