// Where the proxy may connect for a URL: http(s) only, and (unless private hosts are allowed) only
// when the host is, or resolves to, public addresses. The address checked is the one connected to,
// so a DNS answer that changes between check and connect (DNS rebinding) cannot slip through.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ProxyFailure } from './proxy-failure.ts';

/** The checked address to connect to. */
export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
}

export interface AddressRules {
  allowPrivateHosts: boolean;
  isPublicAddress: (address: string) => boolean;
}

/** Resolves `url`'s host and checks every address it has; throws ProxyFailure when refused. */
export async function resolveTarget(url: URL, rules: AddressRules): Promise<ResolvedTarget> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyFailure(
      403,
      'refused',
      `Refused: only http and https URLs are fetched, not ${url.protocol}`,
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedTarget[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  } else {
    try {
      const found = await lookup(host, { all: true, verbatim: true });
      addresses = found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
    } catch {
      throw new ProxyFailure(502, 'unreachable', `The host ${host} could not be found.`);
    }
  }
  const first = addresses[0];
  if (!first) throw new ProxyFailure(502, 'unreachable', `The host ${host} has no address.`);
  if (!rules.allowPrivateHosts) {
    // One private address among public ones is enough to refuse: any of them could be used.
    const refused = addresses.find(({ address }) => !rules.isPublicAddress(address));
    if (refused) {
      const via = refused.address === host ? '' : ` resolves to ${refused.address}, which`;
      throw new ProxyFailure(
        403,
        'refused',
        `Refused: ${host}${via} is a private, loopback, link-local or reserved address.`,
      );
    }
  }
  return first;
}
