/**
 * The Node transport: requests through `node:http` / `node:https` with a
 * keep-alive pool, the body read straight from the socket. It skips what
 * fetch adds on Node (web streams over the socket, a second copy of every
 * chunk, the `Response` machinery), which is most of the CPU of reading a
 * stream there.
 *
 * @module
 */

import type { Agent, IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import {
  createFetchTransport,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from "../../core/index.js";
import { IncomingBodyReader } from "./body-reader.js";
import { builtinsReady, loadHttp, loadHttps, loadNet, loadZlib } from "./builtins.js";
import { createPool, type PoolOptions } from "./pool.js";
import { bodyHeaders, writeBody } from "./request-body.js";

/** Options of {@link createNodeTransport}. */
export interface NodeTransportOptions extends PoolOptions {
  /**
   * The agent for every request, instead of the transport's own pool: a proxy
   * agent, for instance (Node's `http` does not read `HTTPS_PROXY`). A
   * function picks one per request URL.
   */
  agent?: Agent | ((url: URL) => Agent) | undefined;
}

type Encoding = "gzip" | "deflate" | "br";

/**
 * Builds a transport on `node:http` / `node:https`: pass it as the client's
 * `transport` option to tune the pool or route through a proxy agent.
 *
 * ```ts
 * import { Mistral } from "mistral-stream";
 * import { createNodeTransport } from "mistral-stream/node";
 * const client = new Mistral({ transport: createNodeTransport({ maxSockets: 32 }) });
 * ```
 */
export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const pool = createPool(options);
  const pick = options.agent;
  const agentFor =
    typeof pick === "function" ? pick : pick ? () => pick : (url: URL) => pool.agentFor(url);
  let viaFetch: Transport | undefined;
  return (request) =>
    // undici's dispatcher (a proxy, a tuned pool) means the call is meant for
    // fetch: it goes there rather than past the caller's proxy.
    request.init?.dispatcher === undefined
      ? send(request, agentFor)
      : (viaFetch ??= createFetchTransport(globalThis.fetch.bind(globalThis)))(request);
}

async function send(
  request: TransportRequest,
  agentFor: (url: URL) => Agent,
): Promise<TransportResponse> {
  const ready = builtinsReady();
  if (ready) await ready;
  const url = new URL(request.url);
  const headers: Record<string, string> = { ...request.headers };
  const stream = headers.accept === "text/event-stream";
  // A stream is read as it comes; a JSON answer may come compressed, as fetch asks.
  if (!stream) headers["accept-encoding"] ??= "gzip, deflate, br";
  bodyHeaders(request.body, headers);
  const agent = agentFor(url);
  if (mayFreeSoon(agent, url)) await new Promise(setImmediate);
  // No replay here when a pooled connection turns out closed: the server may
  // have received the request before the reset, and a second POST would be
  // billed twice. It is a ConnectionError, which the retry policy decides on.
  return exchange(request, url, headers, agent);
}

function exchange(
  request: TransportRequest,
  url: URL,
  headers: Record<string, string>,
  agent: Agent,
): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const req = loadClient(url)(url, {
      method: request.method,
      headers,
      agent,
      signal: request.signal,
    });
    req.once("response", (res: IncomingMessage) => {
      resolve(toResponse(res));
    });
    req.once("error", reject);
    writeBody(req, request.body);
  });
}

function toResponse(res: IncomingMessage): TransportResponse {
  const pairs = res.rawHeaders;
  const encoding = res.headers["content-encoding"]?.trim().toLowerCase();
  const source =
    encoding === "gzip" || encoding === "deflate" || encoding === "br"
      ? decompress(res, encoding)
      : res;
  const status = res.statusCode ?? 0;
  let raw: Response | undefined;
  let headers: Headers | undefined;
  return {
    status,
    // Made when first read (an error, `stream.response.headers`): the first
    // `Headers` of a process loads fetch's implementation, ~20 ms of CPU.
    get headers() {
      headers ??= toHeaders(pairs);
      return headers;
    },
    header: (name) => rawHeader(pairs, name),
    body: new IncomingBodyReader(res, source),
    // Errors and streams expose a `Response` (`rawResponse`), as with fetch:
    // made only when asked for, its body is the one this reader owns, so empty.
    get raw() {
      raw ??= new Response(null, {
        status,
        statusText: res.statusMessage ?? "",
        headers: this.headers,
      });
      return raw;
    },
  };
}

function toHeaders(pairs: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i < pairs.length; i += 2) headers.append(pairs[i]!, pairs[i + 1]!);
  return headers;
}

/** What `Headers.get(name)` gives for these raw pairs: every value of `name`, joined by ", ". */
function rawHeader(pairs: readonly string[], name: string): string | null {
  const wanted = name.toLowerCase();
  let value: string | null = null;
  for (let i = 0; i < pairs.length; i += 2) {
    if (pairs[i]!.length !== wanted.length || pairs[i]!.toLowerCase() !== wanted) continue;
    value = value === null ? pairs[i + 1]! : `${value}, ${pairs[i + 1]!}`;
  }
  return value;
}

function decompress(res: IncomingMessage, encoding: Encoding): Readable {
  const zlib = loadZlib();
  const inflate =
    encoding === "br"
      ? zlib.createBrotliDecompress()
      : encoding === "gzip"
        ? zlib.createGunzip()
        : zlib.createInflate();
  // A body cut mid-way ends the decompressor with an error, read as a cut.
  res.on("error", (error) => inflate.destroy(error));
  res.on("aborted", () => inflate.destroy(new Error("aborted")));
  return res.pipe(inflate);
}

/**
 * Whether a connection to this origin is busy but none is free. A stream that
 * just read `[DONE]` frees its connection a few ticks later, while the
 * caller's next request may start at once; waiting one turn of the event
 * loop lets that request reuse the connection instead of opening another.
 */
function mayFreeSoon(agent: Agent, url: URL): boolean {
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  // The pool's key, as the agent computes it for this request (TLS adds the server name).
  const servername = loadNet().isIP(url.hostname) ? "" : url.hostname;
  const getName = agent.getName.bind(agent) as (options: object) => string;
  const name = getName({ host: url.hostname, port, servername });
  return !agent.freeSockets[name]?.length && (agent.sockets[name]?.length ?? 0) > 0;
}

/** The request function for the URL's protocol. */
function loadClient(url: URL): typeof import("node:http").request {
  return url.protocol === "http:" ? loadHttp().request : loadHttps().request;
}
