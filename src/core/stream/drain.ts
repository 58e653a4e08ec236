/**
 * Releasing a body after the stream's end marker.
 *
 * @module
 */

import type { BodyReader } from "../http/transport.js";

/** After `[DONE]`, how long to wait for the body's end before cutting the connection. */
const drainGraceMs = 1000;
const noop = (): void => {};

/**
 * After `[DONE]` the body normally ends at once; reading that end lets the
 * runtime reuse the connection. If it does not end promptly, cut it.
 */
export function drainAfterDone(reader: BodyReader): void {
  const timer = setTimeout(() => reader.cancel().catch(noop), drainGraceMs);
  reader.read().then(
    (result) => {
      clearTimeout(timer);
      if (!result.done) reader.cancel().catch(noop);
    },
    () => clearTimeout(timer),
  );
}
