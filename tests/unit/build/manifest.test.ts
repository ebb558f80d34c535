// The manifest is complete for a rich install dialog: screenshots that exist at the sizes it
// claims (narrow and wide), shortcuts, colours, and screenshots kept out of the precache.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dist = 'dist';

interface Manifest {
  description: string;
  short_name: string;
  background_color: string;
  theme_color: string;
  screenshots: { src: string; sizes: string; type: string; form_factor: string }[];
  shortcuts: { name: string; url: string }[];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): string {
  const png = readFileSync(path);
  return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
}

describe('manifest.webmanifest', () => {
  const manifest = JSON.parse(readFileSync(`${dist}/manifest.webmanifest`, 'utf8')) as Manifest;

  it('has a description, a short name and both colours', () => {
    expect(manifest.description.length).toBeGreaterThan(10);
    expect(manifest.short_name).toBe('Longwave');
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('lists narrow and wide screenshots that exist at the sizes it claims', () => {
    expect(new Set(manifest.screenshots.map((shot) => shot.form_factor))).toEqual(
      new Set(['narrow', 'wide']),
    );
    for (const shot of manifest.screenshots) {
      expect(shot.type).toBe('image/png');
      expect(pngSize(`${dist}/${shot.src}`), shot.src).toBe(shot.sizes);
    }
  });

  it('has shortcuts to Downloads and Settings', () => {
    expect(manifest.shortcuts.map(({ name, url }) => [name, url])).toEqual([
      ['Downloads', '/downloads'],
      ['Settings', '/settings'],
    ]);
  });

  it('keeps the screenshots out of the precache', () => {
    expect(readFileSync(`${dist}/sw.js`, 'utf8')).not.toContain('screenshots/');
  });
});
