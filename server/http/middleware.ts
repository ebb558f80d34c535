// The connect-style handler shape shared by the Node server and Vite's dev/preview servers.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request handler that either answers or passes the request on with `next()`. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
