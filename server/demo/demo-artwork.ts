// The demo podcast's artwork: a 512×512 PNG drawn in code (dusk gradient, a long wave across it),
// encoded with node:zlib so the repo carries no binary and the server no image library.
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 512;
let png: Buffer | undefined;

/** The artwork PNG, drawn on first use and memoised. */
export function demoArtworkPng(): Buffer {
  png ??= encodePng(SIZE, SIZE, drawPixels());
  return png;
}

/** RGB rows, each preceded by PNG filter byte 0 (none). */
function drawPixels(): Buffer {
  const stride = 1 + SIZE * 3;
  const rows = Buffer.alloc(stride * SIZE);
  for (let y = 0; y < SIZE; y += 1) {
    const v = y / (SIZE - 1);
    for (let x = 0; x < SIZE; x += 1) {
      const u = x / (SIZE - 1);
      // Indigo at the top to a warm orange at the bottom, slightly lighter to the right.
      let r = 30 + 200 * v ** 1.5 + 20 * u;
      let g = 24 + 90 * v ** 2 + 10 * u;
      let b = 90 - 40 * v + 20 * u;
      // The motif: one long sine wave with a soft glow, the show's namesake.
      const waveY = 0.55 + 0.12 * Math.sin(u * Math.PI * 3);
      const distance = Math.abs(v - waveY) * SIZE;
      const glow = Math.max(0, 1 - distance / 14) ** 2;
      r += (255 - r) * glow;
      g += (244 - g) * glow;
      b += (214 - b) * glow;
      const at = y * stride + 1 + x * 3;
      rows[at] = clamp(r);
      rows[at + 1] = clamp(g);
      rows[at + 2] = clamp(b);
    }
  }
  return rows;
}

function encodePng(width: number, height: number, filteredRows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filteredRows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}
