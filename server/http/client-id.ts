// Who a request comes from, for per-client limits: the TCP peer's address, or, behind a reverse
// proxy or load balancer named by LONGWAVE_TRUSTED_PROXY_HEADER, the address that proxy reports.
// Without that setting no request header is believed, so adding X-Forwarded-For changes nothing.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The client's key: an IPv4 address, or an IPv6 /64 (one subscriber's usual share, so rotating
 * through it buys nothing). `trustedHeader` is read last entry first: the proxy in front appends
 * the address it saw, and anything before that came from the client.
 */
export function clientId(req: IncomingMessage, trustedHeader?: string): string {
  const reported = trustedHeader ? lastEntry(req.headers[trustedHeader.toLowerCase()]) : undefined;
  return normalise(reported ?? req.socket.remoteAddress ?? 'unknown');
}

function lastEntry(value: string | string[] | undefined): string | undefined {
  // Node joins repeated headers with ", "; a repeated header is read as one list.
  const joined = Array.isArray(value) ? value.join(',') : value;
  const last = joined?.split(',').at(-1)?.trim();
  if (!last) return undefined;
  // RFC 7239 Forwarded: the for= parameter, perhaps quoted, perhaps with a port.
  const forwardedFor = /(?:^|;)\s*for=("?)([^";]+)\1/i.exec(last)?.[2];
  return stripPort(forwardedFor ?? last);
}

function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4WithPort?.[1] ?? address;
}

function normalise(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIP(address) !== 6) return address.toLowerCase();
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros. */
function expandIpv6(address: string): string[] {
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups = address.includes('::')
    ? [...left, ...Array<string>(missing).fill('0'), ...right]
    : left;
  return groups.map((group) =>
    group.includes('.') ? group : String(parseInt(group, 16).toString(16)),
  );
}
