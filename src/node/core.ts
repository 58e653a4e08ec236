/**
 * `mistral-stream/core.js` on Node (its `node` export condition): the
 * function API's client, sending through `node:http` unless told otherwise,
 * as the Node entry's `Mistral` does.
 *
 * @module
 */

import { type SDKOptions, MistralCore as WebMistralCore } from "../core/index.js";
import { withNodeTransport } from "./transport/default-transport.js";

/** The client of the standalone functions (`mistral-stream/funcs/*.js`), on the Node transport. */
export class MistralCore extends WebMistralCore {
  constructor(options: SDKOptions = {}) {
    super(withNodeTransport(options));
  }
}
