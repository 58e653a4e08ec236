/**
 * `client.files.getSignedUrl()`: a URL to download a file without the key. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { Files, type MistralCore, type Result, settle } from "../index.js";

type Call = Files["getSignedUrl"];

/** `client.files.getSignedUrl()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function filesGetSignedUrl(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Files(core).getSignedUrl(...args));
}
