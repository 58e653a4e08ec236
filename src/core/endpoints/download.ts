/**
 * A downloaded body as a byte stream: read as the caller reads it, bounded
 * by the call's deadlines (the whole call, and an idle wait per read), its
 * failures typed, and the connection released however the reading ends.
 *
 * @module
 */

import type { OpenBody } from "../call/api-core.js";
import { ConnectionError, type MistralError, RequestTimeoutError } from "../errors/index.js";
import { describeCause, noop } from "../util.js";

/** The body of `open` as a `ReadableStream` of bytes. */
export function downloadStream(open: OpenBody): ReadableStream<Uint8Array> {
  const { response, scope, idleTimeoutMs } = open;
  const reader = response.body;
  scope.setContext(() => ({ response }));
  let idle: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    if (idle !== undefined) clearTimeout(idle);
    scope.dispose();
  };
  const failure = (error: unknown): MistralError =>
    scope.reason ??
    new ConnectionError(`The download broke off: ${describeCause(error)}`, {
      cause: error,
      response,
    });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (idleTimeoutMs > 0) {
        idle = setTimeout(
          () => scope.abort(new RequestTimeoutError("idle", idleTimeoutMs, { response })),
          idleTimeoutMs,
        );
      }
      try {
        const { done, value } = await reader.read();
        if (idle !== undefined) clearTimeout(idle);
        if (scope.reason) throw scope.reason;
        if (done) {
          finish();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        finish();
        reader.cancel().catch(noop);
        controller.error(failure(error));
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason).catch(noop);
    },
  });
}
