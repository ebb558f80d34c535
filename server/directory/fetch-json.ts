// One GET to a directory, read as JSON within limits: the address rules of the proxy (no private
// or loopback hosts unless LONGWAVE_ALLOW_PRIVATE_HOSTS=1, checked after DNS and on each redirect),
// a deadline for the whole exchange, a cap on the decoded size, and every failure as a
// DirectoryFailure in words for the listener.
import type { IncomingMessage } from 'node:http';
import { pipeline, Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { fetchUpstream } from '../proxy/fetch-upstream.ts';
import { ProxyFailure } from '../proxy/proxy-failure.ts';
import type { AddressRules } from '../proxy/resolve-target.ts';
import { DirectoryFailure, MalformedAnswer } from './directory-failure.ts';
import { USER_AGENT } from '../http/user-agent.ts';

export interface FetchJsonOptions extends AddressRules {
  /** The directory's name, for messages: "Apple Podcasts", "Podcast Index". */
  directory: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

/** The parsed JSON at `url`; throws DirectoryFailure. */
export async function fetchJson(url: URL, options: FetchJsonOptions): Promise<unknown> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  let response: IncomingMessage;
  try {
    ({ response } = await fetchUpstream(url, {
      ...options,
      method: 'GET',
      headers: {
        accept: 'application/json',
        'accept-encoding': 'gzip, deflate, br',
        'user-agent': USER_AGENT,
        ...options.headers,
      },
      maxRedirects: 3,
      idleTimeoutMs: options.timeoutMs,
      signal: deadline,
    }));
  } catch (error) {
    throw failure(error, options.directory);
  }
  const status = response.statusCode ?? 0;
  if (status !== 200) {
    response.destroy();
    throw statusFailure(status, response.headers['retry-after'], options.directory);
  }
  const text = await readCapped(response, options, deadline);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedAnswer(options.directory);
  }
}

function statusFailure(status: number, retryAfter: string | undefined, directory: string) {
  // Apple answers a client that asks too often with 403; others say 429 or 503.
  if (status === 429 || status === 403 || status === 503) {
    const seconds = Number(retryAfter);
    const wait = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) : 60;
    return new DirectoryFailure(
      'busy',
      `${directory} is busy right now (it answered ${status}).`,
      wait,
    );
  }
  if (status === 401) {
    return new DirectoryFailure('bad-status', `${directory} refused this server's key (401).`);
  }
  return new DirectoryFailure('bad-status', `${directory} answered with an error (${status}).`);
}

async function readCapped(
  response: IncomingMessage,
  options: FetchJsonOptions,
  deadline: AbortSignal,
): Promise<string> {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
  const decoder =
    encoding === 'gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  // pipeline, not pipe: a reset in the middle of a compressed answer must fail the read, not
  // leave it waiting for the deadline.
  const body: Readable = decoder ? pipeline(response, decoder, () => undefined) : response;
  const chunks: Buffer[] = [];
  let size = 0;
  const onAbort = () =>
    body.destroy(new DirectoryFailure('timeout', `${options.directory} took too long to answer.`));
  deadline.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > options.maxBytes) {
        throw new DirectoryFailure(
          'too-large',
          `${options.directory} sent an answer too large to read.`,
        );
      }
      chunks.push(chunk);
    }
  } catch (error) {
    throw failure(error, options.directory);
  } finally {
    deadline.removeEventListener('abort', onAbort);
    response.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

function failure(error: unknown, directory: string): DirectoryFailure {
  if (error instanceof DirectoryFailure) return error;
  if (error instanceof ProxyFailure) {
    if (error.code === 'refused' || error.code === 'port-refused') {
      return new DirectoryFailure(
        'refused',
        `${directory} is at an address this server may not reach.`,
      );
    }
    if (error.code === 'timeout')
      return new DirectoryFailure('timeout', `${directory} took too long to answer.`);
  }
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new DirectoryFailure('timeout', `${directory} took too long to answer.`);
  }
  if ((error as { code?: string } | undefined)?.code?.startsWith('Z_')) {
    return new MalformedAnswer(directory);
  }
  return new DirectoryFailure('unreachable', `${directory} could not be reached.`);
}
