import { describe, expect, it } from 'vitest';
import {
  checkPartialResponse,
  parseContentRange,
} from '../../../../src/downloads/partial-response.ts';

const partial = (range: string, headers: Record<string, string> = {}) =>
  new Response('x', { status: 206, headers: { 'Content-Range': range, ...headers } });

describe('validating a partial response', () => {
  it('parses Content-Range, with or without a complete length', () => {
    expect(parseContentRange('bytes 100-199/1000')).toEqual({ start: 100, end: 199, total: 1000 });
    expect(parseContentRange('bytes 0-9/*')).toEqual({ start: 0, end: 9, total: undefined });
    expect(parseContentRange('bytes 10-5/100')).toBeUndefined();
    expect(parseContentRange('bytes 0-100/100')).toBeUndefined();
    expect(parseContentRange(null)).toBeUndefined();
  });

  it('continues a 206 that starts at the stored offset with an unchanged total', () => {
    expect(checkPartialResponse(partial('bytes 500-999/1000'), 500, { total: 1000 })).toEqual({
      kind: 'continue',
      total: 1000,
    });
  });

  it('restarts from 0 when the server answers a range request with 200', () => {
    const response = new Response('x', { status: 200, headers: { 'Content-Length': '1000' } });
    expect(checkPartialResponse(response, 500, { total: 1000 })).toMatchObject({
      kind: 'restart',
      total: 1000,
    });
  });

  it('restarts when the total or the ETag changed', () => {
    expect(checkPartialResponse(partial('bytes 500-1199/1200'), 500, { total: 1000 }).kind).toBe(
      'restart',
    );
    expect(
      checkPartialResponse(partial('bytes 500-999/1000', { ETag: '"b"' }), 500, {
        total: 1000,
        etag: '"a"',
      }).kind,
    ).toBe('restart');
  });

  it('refuses a 206 at the wrong offset, or without Content-Range', () => {
    expect(checkPartialResponse(partial('bytes 0-999/1000'), 500, {}).kind).toBe('invalid');
    expect(checkPartialResponse(new Response('x', { status: 206 }), 500, {}).kind).toBe('invalid');
  });
});
