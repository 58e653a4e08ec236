/**
 * The event-stream layer: bytes or text in, {@link ServerSentEvent}s out.
 *
 * @module
 */

export { createSseDecoder, type SseDecoder } from "./decoder.js";
export { SseEventTooLargeError } from "./errors.js";
export {
  createSseParser,
  DEFAULT_MAX_EVENT_CHARS,
  type ServerSentEvent,
  type SseParser,
  type SseParserCallbacks,
  type SseParserOptions,
} from "./parser.js";
