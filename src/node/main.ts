/**
 * The package's main entry on Node (the `node` export condition of
 * `mistral-stream`): everything the web build exports, with a `Mistral`
 * whose requests go through `node:http` unless told otherwise. Bun, Deno,
 * browsers and edge workers load the web build and never this file.
 *
 * @module
 */

import {
  type SDKOptions,
  Mistral as WebMistral,
  MistralCore as WebMistralCore,
} from "../core/index.js";
import { withNodeTransport } from "./transport/default-transport.js";

export * from "../core/index.js";

/**
 * The Mistral client, as the web build's, sending its requests through
 * `node:http` / `node:https` with a keep-alive pool shared by every client
 * (`transport: "fetch"` or a `fetch` option selects the runtime's fetch).
 */
export class Mistral extends WebMistral {
  constructor(options: SDKOptions = {}) {
    super(withNodeTransport(options));
  }
}

/** The client of the standalone functions (`mistral-stream/funcs/*.js`), on the Node transport. */
export class MistralCore extends WebMistralCore {
  constructor(options: SDKOptions = {}) {
    super(withNodeTransport(options));
  }
}
