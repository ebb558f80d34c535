// Which stored artwork goes: nobody's at once, then oldest first, episodes' before podcasts', until
// the rest fits the budget; and what counts as artwork at all (the first bytes decide).
import { describe, expect, it } from 'vitest';
import { planArtworkEviction, type StoredArtwork } from '../../../../src/shared/artwork-budget.ts';
import { artworkSrc, artworkTargetOf } from '../../../../src/shared/artwork-url.ts';
import { mayBeImage, sniffImageType } from '../../../../src/shared/image-type.ts';

const entry = (key: string, bytes: number, use: StoredArtwork['use']): StoredArtwork => ({
  key,
  bytes,
  use,
});

describe('planArtworkEviction', () => {
  it('drops artwork no subscription names, even within the budget', () => {
    expect(
      planArtworkEviction([entry('a', 1, 'podcast'), entry('gone', 1, undefined)], 100),
    ).toEqual(['gone']);
  });

  it('keeps everything wanted that fits', () => {
    expect(
      planArtworkEviction([entry('a', 50, 'podcast'), entry('b', 50, 'episode')], 100),
    ).toEqual([]);
  });

  it("drops the oldest episode artwork first, then the oldest podcasts', until it fits", () => {
    const stored = [
      entry('show-1', 40, 'podcast'),
      entry('ep-1', 30, 'episode'),
      entry('show-2', 40, 'podcast'),
      entry('ep-2', 30, 'episode'),
    ];
    expect(planArtworkEviction(stored, 90)).toEqual(['ep-1', 'ep-2']);
    expect(planArtworkEviction(stored, 50)).toEqual(['ep-1', 'ep-2', 'show-1']);
  });
});

describe('sniffImageType', () => {
  const bytes = (...values: (number | string)[]) =>
    new Uint8Array(
      values.flatMap((value) =>
        typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value],
      ),
    );

  it('knows PNG, JPEG, GIF, WebP and AVIF by their first bytes', () => {
    expect(sniffImageType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImageType(bytes('GIF89a'))).toBe('image/gif');
    expect(sniffImageType(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(bytes(0, 0, 0, 0x1c, 'ftypavif'))).toBe('image/avif');
  });

  it('refuses a web page, SVG and anything else', () => {
    expect(sniffImageType(bytes('<!DOCTYPE html><html>'))).toBeUndefined();
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeUndefined();
    expect(sniffImageType(bytes(0x49, 0x44, 0x33))).toBeUndefined(); // ID3: audio
    expect(sniffImageType(new Uint8Array())).toBeUndefined();
  });
});

describe('mayBeImage', () => {
  it('lets images and vague types through to the sniffing, never documents or SVG', () => {
    for (const type of ['image/jpeg', 'IMAGE/PNG; x=1', 'application/octet-stream', null])
      expect(mayBeImage(type)).toBe(true);
    for (const type of ['text/html; charset=utf-8', 'image/svg+xml', 'application/json'])
      expect(mayBeImage(type)).toBe(false);
  });
});

describe('artworkSrc', () => {
  it('gives http(s) artwork an address on the app and reads it back', () => {
    const src = artworkSrc('https://cdn.example/a b.jpg?x=1&y=2')!;
    expect(new URL(src).origin).toBe(location.origin);
    expect(artworkTargetOf(new URL(src))).toBe('https://cdn.example/a%20b.jpg?x=1&y=2');
  });

  it('has no address for other schemes or other origins', () => {
    for (const url of ['javascript:alert(1)', 'data:image/png;base64,AA', 'file:///etc/passwd', ''])
      expect(artworkSrc(url)).toBeUndefined();
    expect(artworkTargetOf(new URL('https://elsewhere.example/artwork?url=https://a/b'))).toBe(
      undefined,
    );
    expect(
      artworkTargetOf(new URL(`${location.origin}/artwork?url=javascript:alert(1)`)),
    ).toBeUndefined();
  });
});
