/**
 * Which transport a client's options select. The web build knows only fetch
 * (or a transport passed in); the Node entry fills in its own before the
 * options get here.
 *
 * @module
 */

import { InvalidRequestError } from "../errors/index.js";
import { createFetchTransport, type Transport } from "../http/transport.js";
import { describeValue } from "../util.js";
import type { SDKOptions } from "./options.js";

/** The transport `options` select; the Node one is resolved before, by the Node entry. */
export function resolveTransport(options: Pick<SDKOptions, "fetch" | "transport">): Transport {
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
