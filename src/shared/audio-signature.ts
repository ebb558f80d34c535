// Is this the episode? Decided from the first bytes of what arrived and its Content-Type before any
// of it is kept: captive portals and error pages answer 200 with HTML in place of the audio.
// Vague types (octet-stream, text/plain) pass when the bytes are audio; a web page never does.

/** How many first bytes the check needs (a few more are harmless). */
export const SIGNATURE_BYTES = 64;

/** What the first bytes are: audio, a web page, or something else that is not an episode. */
export type AudioVerdict = 'audio' | 'web-page' | 'not-audio';

/** The words for a web page in place of the episode (a captive portal, mostly). */
export const WEB_PAGE_MESSAGE =
  'The network answered with a web page instead of the episode — are you signed in to this Wi-Fi?';

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  text.split('').every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The first box of an MP4 / QuickTime file: ftyp, or an older file's moov, mdat, wide, free… */
const ISO_BOXES = ['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip', 'pnot'];

/** True when the bytes start like a file of a format browsers play. */
export function hasAudioSignature(bytes: Uint8Array): boolean {
  if (ascii(bytes, 0, 'ID3')) return true; // MP3 (or AAC) with an ID3v2 tag
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return true;
  if (ISO_BOXES.some((box) => ascii(bytes, 4, box))) return true; // MP4 / M4A / M4B / MOV
  if (ascii(bytes, 0, 'OggS')) return true; // Ogg: Vorbis, Opus, FLAC-in-Ogg
  if (ascii(bytes, 0, 'fLaC')) return true;
  if (ascii(bytes, 0, 'FORM') && (ascii(bytes, 8, 'AIFF') || ascii(bytes, 8, 'AIFC'))) return true;
  if (ascii(bytes, 0, 'caff')) return true; // Core Audio
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x1a && b1 === 0x45 && b2 === 0xdf && b3 === 0xa3) return true; // EBML: WebM
  // Some encoders pad an MP3 or ADTS stream with zero bytes before its first frame.
  let at = 0;
  while (at < bytes.length - 3 && bytes[at] === 0) at += 1;
  return isFrameSync(bytes.subarray(at));
}

/** An AAC ADTS header, or an MPEG audio frame header, at the start of `bytes`. */
function isFrameSync(bytes: Uint8Array): boolean {
  const [b0 = -1, b1 = -1, b2 = -1] = bytes;
  if (b0 !== 0xff) return false;
  if ((b1 & 0xf6) === 0xf0) return true; // AAC in ADTS (layer bits 00)
  // MPEG audio frame sync: 11 set bits, a version other than reserved, a layer other than reserved,
  // a bitrate index other than "bad" and a sampling rate other than reserved.
  if ((b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const bitrate = (b2 >> 4) & 15;
  const rate = (b2 >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 15 && rate !== 3;
}

/** True when the bytes start like a web page (after a BOM and white space): `<`. */
function startsLikeMarkup(bytes: Uint8Array): boolean {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[at]!)) at += 1;
  return bytes[at] === 0x3c;
}

/** Whether `contentType` names a web page (HTML or XHTML). */
export function isWebPageType(contentType: string | null | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'text/html' || type === 'application/xhtml+xml';
}

/**
 * Judges the start of a body: audio by its signature whatever the type says; a web page by its
 * type or its markup; anything else is not an episode.
 */
export function judgeAudioStart(
  contentType: string | null | undefined,
  firstBytes: Uint8Array,
): AudioVerdict {
  if (hasAudioSignature(firstBytes)) return 'audio';
  if (isWebPageType(contentType) || startsLikeMarkup(firstBytes)) return 'web-page';
  return 'not-audio';
}
