// One real HTTP server on 127.0.0.1 for tests that must see what actually went over the wire (a
// recorded `fetch` cannot show redirects, resets, timeouts or the bytes a browser sends).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server received it, body read to the end. */
export interface Received {
  readonly method: string;
  /** The request target: path and query, as sent. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 text. */
  readonly body: string;
  /** The body's length in bytes. */
  readonly bytes: number;
  /** `Date.now()` when the body had arrived. */
  readonly at: number;
}

/** Answers one request; `count` is how many requests `received` holds, this one included. */
export type Answer = (request: Received, res: ServerResponse, count: number) => void;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Every request so far, in order; empty it with `received.length = 0`. */
  readonly received: Received[];
  /** Drops open connections (keep-alive, a stalled answer) and stops listening. */
  close(): Promise<void>;
}

/** Starts a server on an ephemeral loopback port that records each request, then calls `answer`. */
export async function startLoopbackServer(answer: Answer): Promise<LoopbackServer> {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const request = { method: req.method!, url: req.url!, headers: req.headers, body: body.toString('utf8'), bytes: body.length, at: Date.now() };
    received.push(request);
    answer(request, res, received.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
