/**
 * Which transport a client's options select. The web build knows only fetch
 * (or a transport passed in, or an `httpClient`); the Node entry fills in its
 * own before the options get here. A `debugLogger` wraps whichever it is.
 *
 * @module
 */

import { InvalidRequestError } from "../errors/index.js";
import type { Logger } from "../http/debug-log.js";
import { createFetchTransport, type Transport } from "../http/transport.js";
import { describeValue, readEnv } from "../util.js";
import type { SDKOptions } from "./options.js";

type TransportOptions = Pick<SDKOptions, "fetch" | "transport" | "httpClient" | "debugLogger">;

/**
 * The transport `options` select (the Node one is resolved before, by the
 * Node entry), writing to `debugLogger` (or, with `MISTRAL_DEBUG` set in the
 * environment, to `console`) when there is one.
 */
export function resolveTransport(options: TransportOptions): Transport {
  const transport =
    options.httpClient === undefined ? chooseTransport(options) : viaHttpClient(options);
  const logger = options.debugLogger ?? (readEnv("MISTRAL_DEBUG") ? console : undefined);
  return logger === undefined ? transport : logged(transport, logger);
}

function chooseTransport(options: TransportOptions): Transport {
  const chosen = options.transport;
  if (options.fetch !== undefined && chosen !== undefined && chosen !== "fetch") {
    throw new InvalidRequestError("Pass either fetch or a transport other than fetch, not both");
  }
  if (typeof chosen === "function") return chosen;
  if (chosen === "node") {
    throw new InvalidRequestError(
      'transport "node" needs Node: this runtime loaded the web build of mistral-stream (the Node one comes through the package\'s "node" export condition)',
    );
  }
  if (chosen !== undefined && chosen !== "fetch") {
    throw new InvalidRequestError(
      `transport must be "fetch", "node" or a transport function, got ${describeValue(chosen)}`,
    );
  }
  const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (typeof fetchImpl !== "function") {
    throw new InvalidRequestError("No fetch: this runtime has no global fetch; pass options.fetch");
  }
  return createFetchTransport(fetchImpl);
}

/** The fetch transport over `httpClient.request()`, whose hooks then see each attempt. */
function viaHttpClient(options: TransportOptions): Transport {
  if (options.fetch !== undefined || (options.transport ?? "fetch") !== "fetch") {
    throw new InvalidRequestError(
      "httpClient sends through fetch: pass it without fetch or transport",
    );
  }
  const client = withMethods(options.httpClient, "httpClient", ["request"]);
  return createFetchTransport((url, init) => client.request(new Request(url, init)));
}

/** `value`, checked to have each of `methods` (`name` says which option it is). */
function withMethods<T>(value: T | undefined, name: string, methods: string[]): T {
  if (
    !methods.every((m) => typeof (value as Record<string, unknown> | undefined)?.[m] === "function")
  ) {
    throw new InvalidRequestError(
      `${name} must have the methods ${methods}, got ${describeValue(value)}`,
    );
  }
  return value as T;
}

/** `transport` writing to `logger`; the writing code loads with the first request. */
function logged(transport: Transport, logger: Logger): Transport {
  withMethods(logger, "debugLogger", ["group", "groupEnd", "log"]);
  return async (request) =>
    (await import("../http/debug-log.js")).sendLogged(transport, logger, request);
}
