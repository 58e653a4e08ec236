/**
 * `client.ocr.process()`: a document into markdown. As a function of the function API: returns a
 * {@link Result} instead of throwing.
 *
 * @module
 */

import { type MistralCore, Ocr, type Result, settle } from "../index.js";

type Call = Ocr["process"];

/** `client.ocr.process()` as a function: `{ ok: true, value }`, or `{ ok: false, error }` with the error the method would throw. */
export function ocrProcess(
  client: MistralCore,
  ...args: Parameters<Call>
): Promise<Result<Awaited<ReturnType<Call>>>> {
  return settle(client, (core) => new Ocr(core).process(...args));
}
