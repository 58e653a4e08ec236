/**
 * The Node transport's keep-alive pool: one `http.Agent` and one
 * `https.Agent`, each keeping connections per origin (host and port).
 *
 * @module
 */

import type { Agent } from "node:http";
import { InvalidRequestError } from "../../core/index.js";
import { loadHttp, loadHttps } from "./builtins.js";

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

/** Makes a pool; each agent is made on the first request of its protocol. */
export function createPool(options: PoolOptions): Pool {
  const settings = {
    keepAlive: true,
    maxSockets: checkCount(options.maxSockets, "maxSockets", Number.POSITIVE_INFINITY),
    maxFreeSockets: checkCount(options.maxIdleSockets, "maxIdleSockets", 256),
    timeout: checkCount(options.idleSocketTimeoutMs, "idleSocketTimeoutMs", 4000),
    // The most recently used connection is the least likely to be stale.
    scheduling: "lifo" as const,
    ...envProxy(),
  };
  let http: Agent | undefined;
  let https: Agent | undefined;
  return {
    agentFor(url) {
      if (url.protocol === "http:") {
        http ??= new (loadHttp().Agent)(settings);
        return http;
      }
      https ??= new (loadHttps().Agent)(settings);
      return https;
    },
  };
}

/**
 * Node ≥ 24.5 sends its own `http` / `https` requests and fetch through
 * `HTTP_PROXY` / `HTTPS_PROXY` (minus `NO_PROXY`) when `NODE_USE_ENV_PROXY=1`
 * or `--use-env-proxy` asks for it; the pool's agents then do the same, so
 * both transports go where Node's own clients go. Older Node ignores the option.
 */
function envProxy(): { proxyEnv?: NodeJS.ProcessEnv } {
  const asked =
    process.env.NODE_USE_ENV_PROXY === "1" || process.execArgv.includes("--use-env-proxy");
  return asked ? { proxyEnv: process.env } : {};
}

function checkCount(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value > 0)) {
    throw new InvalidRequestError(`${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}
