/**
 * The Node transport's keep-alive pool: one `http.Agent` and one
 * `https.Agent`, each keeping connections per origin (host and port).
 *
 * @module
 */

import { Agent } from "node:http";
import { createRequire } from "node:module";
import { InvalidRequestError } from "../../core/index.js";

/** How the pool keeps connections. */
export interface PoolOptions {
  /**
   * Connections open at once per origin. Default: no limit, as fetch: a
   * stream holds its connection while it runs, so a limit makes the streams
   * past it wait for a free one (their `headersTimeoutMs` runs meanwhile).
   */
  maxSockets?: number | undefined;
  /** Idle connections kept per origin for the next request. Default: 256. */
  maxIdleSockets?: number | undefined;
  /**
   * How long an idle connection is kept, in ms. Default: 4 000 (below the 5 s
   * after which a Node server closes an idle connection, so a kept
   * connection is rarely one the server is closing).
   */
  idleSocketTimeoutMs?: number | undefined;
}

/** The agents of one transport. */
export interface Pool {
  agentFor(url: URL): Agent;
}

const require = createRequire(import.meta.url);

/** Makes a pool; the `https` agent is made on the first `https:` request. */
export function createPool(options: PoolOptions): Pool {
  const settings = {
    keepAlive: true,
    maxSockets: checkCount(options.maxSockets, "maxSockets", Number.POSITIVE_INFINITY),
    maxFreeSockets: checkCount(options.maxIdleSockets, "maxIdleSockets", 256),
    timeout: checkCount(options.idleSocketTimeoutMs, "idleSocketTimeoutMs", 4000),
    // The most recently used connection is the least likely to be stale.
    scheduling: "lifo" as const,
  };
  const http = new Agent(settings);
  let https: Agent | undefined;
  return {
    agentFor(url) {
      if (url.protocol === "http:") return http;
      https ??= new (require("node:https") as typeof import("node:https")).Agent(settings);
      return https;
    },
  };
}

function checkCount(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value > 0)) {
    throw new InvalidRequestError(`${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}
