/**
 * The event-stream layer's own error. The layer knows nothing about the client
 * (it is reusable on its own), so it reports the one failure it can detect,
 * an event past the size cap, with this type; the client turns it into its
 * `SseEventTooLargeError`.
 *
 * @module
 */

/** An event grew past the parser's `maxEventChars`; the parser dropped its buffers. */
export class SseEventTooLargeError extends Error {
  override name = "SseEventTooLargeError";
  /** The cap that was passed, in characters (UTF-16 code units). */
  readonly limit: number;

  /** Builds the error of an event that grew past `limit` characters. */
  constructor(limit: number) {
    super(`An event-stream event exceeded the limit of ${limit} characters`);
    this.limit = limit;
  }
}
