/**
 * Which transport a client made on Node gets: the shared Node transport,
 * unless its options chose another.
 *
 * @module
 */

import type { SDKOptions, Transport } from "../../core/index.js";
import { createNodeTransport } from "./node-transport.js";

let shared: Transport | undefined;

/**
 * `options` with the shared Node transport filled in, when they asked for no
 * other (`transport: "fetch"`, a `fetch` function or a transport of their own
 * keep theirs, and an `httpClient` sends through fetch). Anything else is passed on for the client to check.
 */
export function withNodeTransport<T extends SDKOptions>(options: T): T {
  if (options === null || typeof options !== "object") return options;
  const chosen = options.transport;
  if (options.fetch !== undefined || options.httpClient !== undefined) return options;
  if (chosen !== undefined && chosen !== "node") return options;
  shared ??= createNodeTransport();
  return { ...options, transport: shared };
}
