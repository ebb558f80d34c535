// A request the proxy will not or cannot complete, with the status, the machine-readable code
// (sent as X-Longwave-Proxy-Error) and a plain-text reason for the listener.

/** What the app sees in X-Longwave-Proxy-Error. */
export type ProxyFailureCode =
  'bad-url' | 'refused' | 'unreachable' | 'timeout' | 'too-large' | 'too-many-redirects';

/** Thrown inside the proxy; answered as `status` with `message` as a text/plain body. */
export class ProxyFailure extends Error {
  override name = 'ProxyFailure';

  constructor(
    readonly status: number,
    readonly code: ProxyFailureCode,
    message: string,
  ) {
    super(message);
  }
}
