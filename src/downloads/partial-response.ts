// Checks a response to a Range request the way the Fetch spec's "validate a partial response" does.

export interface ContentRange {
  start: number;
  end: number;
  /** Undefined when the server sends `*` for the complete length. */
  total?: number;
}

/** Parses `bytes a-b/total`; undefined when the header is missing or malformed. */
export function parseContentRange(header: string | null): ContentRange | undefined {
  const match = header?.trim().match(/^bytes (\d+)-(\d+)\/(\d+|\*)$/i);
  if (!match) return undefined;
  const [start, end] = [Number(match[1]), Number(match[2])];
  const total = match[3] === '*' ? undefined : Number(match[3]);
  if (end < start || (total !== undefined && end >= total)) return undefined;
  return { start, end, total };
}

/** What to do with a response to `Range: bytes=<offset>-`. */
export type PartialVerdict =
  | { kind: 'continue'; total?: number }
  | { kind: 'restart'; total?: number; why: string }
  | { kind: 'invalid'; why: string };

/** The body's declared length: a positive whole number, or undefined. */
export function declaredLength(response: Response): number | undefined {
  const length = Number(response.headers.get('Content-Length'));
  return Number.isSafeInteger(length) && length > 0 ? length : undefined;
}

/**
 * Decides whether a response continues the stored bytes at `offset`. A 200 means the server
 * ignored Range or the validator changed: the body is the whole file, so start again from 0.
 */
export function checkPartialResponse(
  response: Response,
  offset: number,
  known: { total?: number; etag?: string },
): PartialVerdict {
  const bodyTotal = declaredLength(response);
  if (response.status === 200) {
    return { kind: 'restart', total: bodyTotal, why: 'the server sent the whole file' };
  }
  if (response.status !== 206)
    return { kind: 'invalid', why: `unexpected status ${response.status}` };
  const range = parseContentRange(response.headers.get('Content-Range'));
  if (!range) return { kind: 'invalid', why: 'a 206 without a readable Content-Range' };
  if (range.start !== offset)
    return { kind: 'invalid', why: `the server resumed at ${range.start}, not ${offset}` };
  if (known.total !== undefined && range.total !== undefined && range.total !== known.total) {
    return { kind: 'restart', why: 'the file changed size on the server' };
  }
  const etag = response.headers.get('ETag');
  if (offset > 0 && known.etag && etag && etag !== known.etag) {
    // The server ignored If-Range: these bytes belong to a different file.
    return { kind: 'restart', why: 'the file changed on the server' };
  }
  return { kind: 'continue', total: range.total ?? known.total };
}
