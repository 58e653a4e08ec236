/**
 * `MistralCore`, the client of the function API (`mistral-stream/core.js`):
 * the settings, key and transport of a `Mistral`, without its resources. An
 * app that calls `chatStream(client, …)` from `mistral-stream/funcs/…`
 * bundles the code of the functions it imports, not of every resource.
 *
 * @module
 */

import { ApiCore } from "../call/api-core.js";
import type { SDKOptions } from "../call/options.js";
import { InvalidRequestError } from "../errors/index.js";

const cores = new WeakMap<MistralCore, ApiCore>();

/**
 * The client the standalone functions take as their first argument, made
 * with the options of `new Mistral(options)`.
 *
 * ```ts
 * import { MistralCore } from "mistral-stream/core.js";
 * import { chatStream } from "mistral-stream/funcs/chatStream.js";
 * const client = new MistralCore({ apiKey });
 * const result = await chatStream(client, { model, messages });
 * if (!result.ok) throw result.error;
 * for await (const event of result.value) console.log(event.data.choices[0]?.delta.content);
 * ```
 */
export class MistralCore {
  constructor(options: SDKOptions = {}) {
    cores.set(this, ApiCore.fromOptions(options));
  }
}

/** The calls' core of `client`; a function given something else fails with a typed error. */
export function apiCoreOf(client: MistralCore): ApiCore {
  const core = client instanceof MistralCore ? cores.get(client) : undefined;
  if (!core) throw new InvalidRequestError("The first argument must be a MistralCore client");
  return core;
}
