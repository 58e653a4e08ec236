/**
 * `mistral-stream/core.js`: the function API's client, from the bundle every
 * entry shares (one `MistralCore` class whichever path loaded it).
 *
 * @module
 */

export { MistralCore, type Result, type SDKOptions } from "../index.js";
