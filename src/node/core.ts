/**
 * `mistral-stream/core.js` on Node (its `node` export condition): the
 * function API's client, sending through `node:http` unless told otherwise,
 * as the Node entry's `Mistral` does.
 *
 * @module
 */

export { MistralCore, type Result, type SDKOptions } from "./main.js";
