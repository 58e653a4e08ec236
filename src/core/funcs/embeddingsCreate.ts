/**
 * `client.embeddings.create()`: vectors for texts. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Embeddings, type MistralCore, type Result, settle } from "../index.js";

type Call = Embeddings["create"];

/** `client.embeddings.create()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function embeddingsCreate(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Embeddings(core).create(...args));
}
