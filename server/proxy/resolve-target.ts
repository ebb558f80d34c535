// Where the proxy may connect for a URL: http(s) only, allowed ports only, and (unless private
// hosts are allowed) only when the host is, or resolves to, public addresses. DNS look-ups have a
// deadline. The address checked is the one connected to (fetch-upstream.ts pins it), so a DNS
// answer that changes between check and connect (DNS rebinding) cannot slip through.
import { lookup as systemLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ProxyFailure } from './proxy-failure.ts';

/** The checked address to connect to. */
export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to, in the resolver's order. */
export type HostLookup = (hostname: string) => Promise<ResolvedTarget[]>;

export interface AddressRules {
  allowPrivateHosts: boolean;
  isPublicAddress: (address: string) => boolean;
  /** Upstream ports allowed; with allowPrivateHosts, private addresses may use any port. */
  allowedPorts: readonly number[] | 'any';
  dnsTimeoutMs: number;
  lookup: HostLookup;
}

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), every address. */
export const lookupAll: HostLookup = async (hostname) =>
  (await systemLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** Resolves `url`'s host and checks its port and every address; throws ProxyFailure when refused. */
export async function resolveTarget(url: URL, rules: AddressRules): Promise<ResolvedTarget> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyFailure(
      403,
      'refused',
      `Refused: only http and https URLs are fetched, not ${url.protocol}`,
    );
  }
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const portListed = rules.allowedPorts === 'any' || rules.allowedPorts.includes(port);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) === 6 ? (6 as const) : (4 as const) }]
    : await resolveName(host, rules);
  const first = addresses[0];
  if (!first) throw new ProxyFailure(502, 'unreachable', `The host ${host} has no address.`);
  const publicOne = addresses.find(({ address }) => rules.isPublicAddress(address));
  // The address is checked first: "private network" is the more useful answer when both apply.
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
  // Private hosts, when allowed (local testing), may use any port; public ones keep the rule.
  if (!portListed && publicOne) throw portRefused(port, rules);
  return first;
}

async function resolveName(host: string, rules: AddressRules): Promise<ResolvedTarget[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ProxyFailure(504, 'timeout', `Looking up the host ${host} took too long.`)),
      rules.dnsTimeoutMs,
    );
  });
  try {
    // getaddrinfo cannot be cancelled: on timeout its answer is simply ignored.
    return await Promise.race([rules.lookup(host), deadline]);
  } catch (error) {
    if (error instanceof ProxyFailure) throw error;
    throw new ProxyFailure(502, 'unreachable', `The host ${host} could not be found.`);
  } finally {
    clearTimeout(timer);
  }
}

function portRefused(port: number, rules: AddressRules): ProxyFailure {
  const allowed = rules.allowedPorts === 'any' ? 'any' : rules.allowedPorts.join(', ');
  return new ProxyFailure(
    403,
    'port-refused',
    `Refused: the proxy connects only to ports ${allowed}, not ${port}.`,
  );
}
