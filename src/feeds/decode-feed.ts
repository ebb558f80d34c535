// Turns a feed's bytes into text. Order of trust: a byte-order mark, then the XML prolog's
// encoding, then the HTTP charset, then UTF-8. The prolog outranks HTTP (unlike RFC 7303) because
// podcast hosts often send a default charset that is wrong, while the prolog travels with the bytes.

// windows-1252's bytes 0x80–0x9F (curly quotes, dashes, €). Some engines (Node 20) decode the label
// as ISO-8859-1 and leave C1 control characters there instead, so those are mapped here.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const PROLOG_ENCODING = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/** The feed as a string, decoded with the encoding it declares (windows-1252, ISO-8859-1, …). */
export function decodeFeed(bytes: Uint8Array, contentType?: string | null): string {
  const bom = byteOrderMark(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const declared = prologEncoding(bytes) ?? charsetOf(contentType);
  const decoder = new TextDecoder(usableEncoding(declared));
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM still starts with "<" as two bytes, one of them zero.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return 'utf-16be';
  return undefined;
}

function prologEncoding(bytes: Uint8Array): string | undefined {
  // The prolog is ASCII in every encoding that reaches here, so a byte-wise read is enough.
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  return PROLOG_ENCODING.exec(head)?.[1];
}

function charsetOf(contentType: string | null | undefined): string | undefined {
  return /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1];
}

function usableEncoding(label: string | undefined): string {
  // A UTF-16 declaration on single-byte text (no BOM, checked above) is a lie: read it as UTF-8.
  if (!label || /^utf-?16/i.test(label)) return 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    // An encoding the platform does not know: UTF-8 keeps at least the ASCII readable.
    return 'utf-8';
  }
}
