/**
 * Reading a whole response body as text: an error body (capped, never
 * throws), or a JSON answer (typed errors for a broken connection or a call
 * ended meanwhile).
 *
 * @module
 */

import { ConnectionError } from "../errors/index.js";
import { noop } from "../util.js";
import type { CallScope } from "./call-scope.js";
import type { BodyReader, TransportResponse } from "./transport.js";

/** Error bodies past this size are cut: they are diagnostics, not data. */
const maxErrorBodyBytes = 64 * 1024;

/** Reads at most `limit` bytes of a body as text, then releases it. Never throws. */
export async function readBodyText(body: BodyReader, limit = maxErrorBodyBytes): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await body.read();
      if (done) return text + decoder.decode();
      size += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  } catch {
    // A body cut while reading an error is still an error: report what arrived.
  }
  body.cancel().catch(noop);
  return text;
}

/**
 * Reads the whole body of `response` as text. Rejects with the scope's reason
 * when the call ended meanwhile, else with {@link ConnectionError} when the
 * connection broke.
 */
export async function readWholeBody(
  response: TransportResponse,
  scope: CallScope,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await response.body.read();
    } catch (error) {
      throw (
        scope.reason ??
        new ConnectionError("The connection broke while reading the response", {
          cause: error,
          response,
          retryable: true,
        })
      );
    }
    if (scope.reason) throw scope.reason;
    if (chunk.done) return text + decoder.decode();
    text += decoder.decode(chunk.value, { stream: true });
  }
}
