// What a provider mock is made of: routes, and the state they share. Its own file so that the
// provider mocks import these types without importing the app that imports them.
import type { MockRequest, MockResponse } from './http.js';
import type { Server, RequestLog } from './log.js';
import type { merchantSecrets } from './secrets.js';

export interface Route {
  readonly method: 'GET' | 'POST' | '*';
  /** Path pattern: literal segments and `:name` parameters, e.g. `/connect/client/v1/:customerId/products`. */
  readonly path: string;
  /** Which server this route plays, for the log; frame routes have none. */
  readonly server?: Server;
  /**
   * Answer CORS (preflights and headers) for browser code on another origin. Default `true` (the
   * merchant-server and test routes, which the test page calls from another origin). Provider
   * endpoints set `false` unless their document promises cross-origin browser use (and cite it).
   */
  readonly cors?: boolean;
  readonly handle: (req: MockRequest, ctx: MockContext) => MockResponse | Promise<MockResponse>;
}

/** Shared state of one mock instance: its log, the fake secrets and per-provider state. */
export interface MockContext {
  readonly log: RequestLog;
  readonly secrets: typeof merchantSecrets;
  /** Origin the mock is reached at (`http://127.0.0.1:5173`), for absolute URLs in answers. */
  origin: string;
  /** Per-provider state (sessions, orders, keys), keyed by provider. */
  readonly state: Map<string, unknown>;
}
