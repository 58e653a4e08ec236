/**
 * `client.classifiers.classifyChat()`: a classifier over conversations. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Classifiers, type MistralCore, type Result, settle } from "../index.js";

type Call = Classifiers["classifyChat"];

/** `client.classifiers.classifyChat()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function classifiersClassifyChat(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Classifiers(core).classifyChat(...args));
}
