/**
 * A string-level parser for the `text/event-stream` format, following the
 * WHATWG HTML "event stream interpretation" rules. It knows nothing about chat
 * completions or `[DONE]`: it turns text into events and nothing more.
 *
 * It runs once per received chunk, so it is written for speed: every feed is
 * scanned once from a cursor, only the unterminated last line is carried over to
 * the next feed, and the common `data: …` line costs one slice.
 *
 * @module
 */

import { SseEventTooLargeError } from "./errors.js";
import type { ServerSentEvent, SseParser, SseParserCallbacks, SseParserOptions } from "./types.js";

export type { ServerSentEvent, SseParser, SseParserCallbacks, SseParserOptions };

/** The default of {@link SseParserOptions.maxEventChars}. */
export const DEFAULT_MAX_EVENT_CHARS: number = 16 * 1024 * 1024;

const LF = 10;
const CR = 13;
const SPACE = 32;
const COLON = 58;
const BOM = 0xfeff;
/** "Not searched yet in the current text": below every position, so it forces a search. */
const UNKNOWN = -2;

class Parser implements SseParser {
  readonly #callbacks: SseParserCallbacks;
  readonly #max: number;
  readonly #flushOnEnd: boolean;
  // Stream state.
  #pending = "";
  #pendingCr = false;
  #atStart = true;
  #failed = false;
  // Block (event being assembled) state.
  #data = "";
  #hasData = false;
  #eventType: string | undefined = undefined;
  #blockId: string | undefined = undefined;
  #blockSize = 0;
  #idBuffer: string | undefined = undefined;
  #lastId: string | undefined = undefined;
  // Positions of the next LF, CR and colon in the text being scanned (-1: none
  // left). Cached so that each character is searched once per feed, whatever
  // the mix of line endings or colon-less lines.
  #nextLf = UNKNOWN;
  #nextCr = UNKNOWN;
  #nextColon = UNKNOWN;

  constructor(options: SseParserOptions) {
    const max = options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS;
    if (!(max > 0)) {
      throw new RangeError(`maxEventChars must be a positive number, got ${String(max)}`);
    }
    this.#callbacks = options;
    this.#max = max;
    this.#flushOnEnd = options.flushOnEnd === true;
  }

  feed(text: string): void {
    if (this.#failed) throw new SseEventTooLargeError(this.#max);
    let pos = this.#skipPrefix(text);
    if (pos >= text.length) return;
    this.#nextLf = UNKNOWN;
    this.#nextCr = UNKNOWN;
    if (this.#pending.length > 0) {
      pos = this.#finishPendingLine(text, pos);
      if (pos >= text.length) return;
    }
    this.#nextColon = UNKNOWN;
    pos = this.#scanLines(text, pos);
    if (pos < text.length) this.#keepTail(text, pos);
  }

  end(): void {
    // Opt-in leniency: a last block whose lines all ended but whose closing
    // blank line never came (WHATWG discards it).
    if (this.#flushOnEnd && this.#pending.length === 0 && this.#hasData) this.#dispatch();
    this.#clearStream();
    this.#idBuffer = this.#lastId;
  }

  reset(): void {
    this.#clearStream();
    this.#idBuffer = undefined;
    this.#lastId = undefined;
  }

  lastEventId(): string | undefined {
    return this.#lastId;
  }

  bufferedLength(): number {
    return this.#pending.length + this.#data.length;
  }

  /** Skips a stream-initial BOM and the LF of a CRLF whose CR ended the previous feed. */
  #skipPrefix(text: string): number {
    if (text.length === 0) return 0;
    let pos = 0;
    if (this.#atStart) {
      this.#atStart = false;
      if (text.charCodeAt(0) === BOM) pos = 1;
    }
    if (this.#pendingCr) {
      this.#pendingCr = false;
      if (pos < text.length && text.charCodeAt(pos) === LF) pos++;
    }
    return pos;
  }

  /** Completes the line carried over from earlier feeds; returns where scanning resumes. */
  #finishPendingLine(text: string, pos: number): number {
    const eol = this.#findLineEnd(text, pos);
    if (eol === -1) {
      this.#checkSize(this.#pending.length + (text.length - pos));
      this.#pending += pos === 0 ? text : text.slice(pos);
      return text.length;
    }
    const line = this.#pending + text.slice(pos, eol);
    this.#pending = "";
    this.#nextColon = UNKNOWN;
    this.#processLine(line, 0, line.length);
    return this.#skipLineEnd(text, eol);
  }

  /** Processes every complete line from `pos`; returns the start of the unterminated rest. */
  #scanLines(text: string, pos: number): number {
    const length = text.length;
    while (pos < length) {
      const eol = this.#findLineEnd(text, pos);
      if (eol === -1) break;
      this.#processLine(text, pos, eol);
      // A line then a blank line, both LF-ended (how the API ends each event):
      // the blank line dispatches at once, without a second search.
      if (text.charCodeAt(eol) === LF && text.charCodeAt(eol + 1) === LF) {
        this.#dispatch();
        pos = eol + 2;
        continue;
      }
      pos = this.#skipLineEnd(text, eol);
    }
    return pos;
  }

  #keepTail(text: string, pos: number): void {
    // Checked before storing, so a server that never ends its line cannot make
    // the buffer grow past the cap.
    this.#checkSize(text.length - pos);
    this.#pending = text.slice(pos);
  }

  /** Index of the first CR or LF at or after `pos`, or -1. */
  #findLineEnd(text: string, pos: number): number {
    let lf = this.#nextLf;
    if (lf !== -1 && lf < pos) this.#nextLf = lf = text.indexOf("\n", pos);
    let cr = this.#nextCr;
    if (cr !== -1 && cr < pos) this.#nextCr = cr = text.indexOf("\r", pos);
    if (cr === -1) return lf;
    if (lf === -1) return cr;
    return lf < cr ? lf : cr;
  }

  /** Position after the line end at `eol`; a CR ending the text may pair with a later LF. */
  #skipLineEnd(text: string, eol: number): number {
    if (text.charCodeAt(eol) !== CR) return eol + 1;
    if (eol + 1 === text.length) {
      this.#pendingCr = true;
      return eol + 1;
    }
    return text.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
  }

  #processLine(text: string, start: number, end: number): void {
    if (start === end) {
      this.#dispatch();
      return;
    }
    const lineLength = end - start;
    this.#checkSize(lineLength);
    const first = text.charCodeAt(start);
    if (first === COLON) {
      if (this.#callbacks.onComment)
        this.#callbacks.onComment(text.slice(skipSpace(text, start + 1, end), end));
      return;
    }
    this.#blockSize += lineLength;
    // Fast path for the line that makes up nearly all real traffic: "data:".
    if (
      first === 100 &&
      lineLength >= 5 &&
      text.charCodeAt(start + 1) === 97 &&
      text.charCodeAt(start + 2) === 116 &&
      text.charCodeAt(start + 3) === 97 &&
      text.charCodeAt(start + 4) === COLON
    ) {
      this.#appendData(text.slice(skipSpace(text, start + 5, end), end));
      return;
    }
    this.#processField(text, start, end);
  }

  #processField(text: string, start: number, end: number): void {
    let colon = this.#nextColon;
    if (colon !== -1 && colon < start) this.#nextColon = colon = text.indexOf(":", start);
    const hasColon = colon !== -1 && colon < end;
    const name = text.slice(start, hasColon ? colon : end);
    const value = hasColon ? text.slice(skipSpace(text, colon + 1, end), end) : "";
    switch (name) {
      case "data":
        this.#appendData(value);
        break;
      case "event":
        this.#eventType = value === "" ? undefined : value;
        break;
      case "id":
        // WHATWG ignores an id containing NUL (it could not be sent back in a header).
        if (value.indexOf("\0") === -1) this.#blockId = this.#idBuffer = value;
        break;
      case "retry":
        if (this.#callbacks.onRetry && asciiDigits.test(value)) {
          this.#callbacks.onRetry(Number.parseInt(value, 10));
        }
        break;
      default:
      // Unknown fields are ignored.
    }
  }

  #appendData(value: string): void {
    if (this.#hasData) {
      this.#data += "\n" + value;
    } else {
      this.#data = value;
      this.#hasData = true;
    }
  }

  #dispatch(): void {
    this.#lastId = this.#idBuffer;
    this.#blockSize = 0;
    if (!this.#hasData) {
      this.#eventType = undefined;
      this.#blockId = undefined;
      return;
    }
    const event: ServerSentEvent = { data: this.#data, event: this.#eventType, id: this.#blockId };
    // The state is clean before the callback runs, so a throwing callback
    // leaves the parser usable.
    this.#data = "";
    this.#hasData = false;
    this.#eventType = undefined;
    this.#blockId = undefined;
    this.#callbacks.onEvent(event);
  }

  /** Throws when the current block plus `extra` characters would exceed the cap. */
  #checkSize(extra: number): void {
    if (this.#blockSize + extra <= this.#max) return;
    this.#clearStream();
    this.#failed = true;
    throw new SseEventTooLargeError(this.#max);
  }

  #clearStream(): void {
    this.#pending = "";
    this.#pendingCr = false;
    this.#atStart = true;
    this.#failed = false;
    this.#data = "";
    this.#hasData = false;
    this.#eventType = undefined;
    this.#blockId = undefined;
    this.#blockSize = 0;
  }
}

/** Skips one space at `pos` (the single space WHATWG strips after a colon). */
function skipSpace(text: string, pos: number, end: number): number {
  return pos < end && text.charCodeAt(pos) === SPACE ? pos + 1 : pos;
}

/** A `retry:` value WHATWG accepts: ASCII digits only. */
const asciiDigits = /^[0-9]+$/;

/**
 * Creates a WHATWG event-stream parser. Feed it decoded text; it calls
 * `onEvent` for every complete event.
 *
 * @throws {RangeError} when `maxEventChars` is not a positive number.
 */
export function createSseParser(options: SseParserOptions): SseParser {
  return new Parser(options);
}
