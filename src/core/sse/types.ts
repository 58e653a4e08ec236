/**
 * The public shapes of the event-stream layer. Re-exported by `parser.ts`.
 *
 * @module
 */

/** One dispatched event. */
export interface ServerSentEvent {
  /** The data lines of the event joined with LF (no trailing LF). */
  data: string;
  /** The `event` field of this event, or `undefined` when absent or empty (a plain "message"). */
  event: string | undefined;
  /**
   * The `id` set inside this event's own block, or `undefined` when the block
   * set none. The WHATWG last-event-ID, which persists across events, is
   * available from the parser's `lastEventId()`.
   */
  id: string | undefined;
}

/** Receivers of what the parser finds. They are called synchronously from `feed`. */
export interface SseParserCallbacks {
  /** Called for every dispatched event, in stream order. */
  onEvent(event: ServerSentEvent): void;
  /** Called for every comment line, with one leading space removed. */
  onComment?: (comment: string) => void;
  /** Called for every valid `retry` field (ASCII digits only), in milliseconds. */
  onRetry?: (ms: number) => void;
}

/** Options of `createSseParser`. */
export interface SseParserOptions extends SseParserCallbacks {
  /**
   * Cap on one event, in characters (UTF-16 code units, as `String.length`
   * counts them; for the ASCII JSON of real traffic, bytes): the sum of the
   * lengths of its field lines (comment lines excluded once complete) plus the
   * line still being received. Line terminators are not counted. Default
   * 16 * 1024 * 1024.
   */
  maxEventChars?: number | undefined;
  /**
   * At `end()`, dispatch a last block whose lines all ended but whose closing
   * blank line never arrived, instead of discarding it as WHATWG does. Off by
   * default. The chat stream turns it on so that a body ending in
   * `data: [DONE]\n` (one newline short) still counts as complete: the end
   * marker itself arrived whole.
   */
  flushOnEnd?: boolean | undefined;
}

/** A streaming event-stream parser. */
export interface SseParser {
  /**
   * Parses the next piece of the stream. Pieces may be split anywhere, also
   * between the CR and the LF of a CRLF. A U+FEFF at the very start of the
   * stream is dropped. Throws `SseEventTooLargeError` when an event grows
   * past `maxEventChars`; the parser then drops its buffers and keeps throwing
   * until `end()` or `reset()`.
   */
  feed(text: string): void;
  /**
   * Ends the stream. An unterminated final line and an event without its closing
   * blank line are discarded, as WHATWG requires. The parser is then ready for a
   * new stream; its `lastEventId()` is kept.
   */
  end(): void;
  /** Forgets everything, including the last event id. */
  reset(): void;
  /** The WHATWG last-event-ID as of the last blank line, or `undefined` if none was set yet. */
  lastEventId(): string | undefined;
  /**
   * Characters of event text the parser currently holds (the pending line plus
   * the data of the event being assembled). Diagnostic: lets tests prove that
   * memory stays bounded by one event.
   */
  bufferedLength(): number;
}
