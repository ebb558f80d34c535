// A request the proxy will not or cannot complete, with the status, the machine-readable code
// (sent as X-Longwave-Proxy-Error) and a plain-text reason for the listener.

/** What the app sees in X-Longwave-Proxy-Error. */
export type ProxyFailureCode =
  | 'bad-url'
  | 'refused'
  | 'port-refused'
  | 'wrong-host'
  | 'cross-site'
  | 'rate-limited'
  | 'too-many-streams'
  | 'unreachable'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects';

/** Thrown inside the proxy; answered as `status` with `message` as a text/plain body. */
export class ProxyFailure extends Error {
  override name = 'ProxyFailure';
  readonly status: number;
  readonly code: ProxyFailureCode;
  /** Sent as Retry-After (seconds) with a 429. */
  readonly retryAfterSeconds?: number;

  constructor(status: number, code: ProxyFailureCode, message: string, retryAfterSeconds?: number) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
