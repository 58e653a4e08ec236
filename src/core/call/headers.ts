/**
 * Header building and checking. Request headers are a plain record with
 * lower-case names, not a `Headers` object: on Node, the first `Headers` made
 * loads fetch's implementation (about 20 ms of CPU), which the Node transport
 * never needs. Values with CR or LF are refused up front: they are how header
 * injection works, and runtimes disagree on whether they throw, strip or send
 * them.
 *
 * @module
 */

import { InvalidRequestError } from "../errors/index.js";

/** Headers as a caller may give them. */
export type HeadersLike = Headers | Record<string, string> | Array<[string, string]>;

/** Request headers as the transports receive them: lower-case name → value. */
export type HeaderRecord = Record<string, string>;

const forbiddenValue = /[\r\n\0]/;
const validName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Header values go on the wire as bytes, and runtimes disagree on the bytes of
// a character beyond ASCII (fetch on Node sends UTF-8, node:http and browsers
// Latin-1, above U+00FF some throw): such a value is refused, whatever the runtime.
const notAscii = /[\u0080-\uffff]/;
const edgeSpace = /^[\t ]+|[\t ]+$/g;

/**
 * Copies `source` into `target` (a later name replaces an earlier one, as
 * `Headers.set` does), refusing bad names and CR/LF/NUL or non-ASCII
 * characters in values; values lose their leading and trailing spaces and
 * tabs, as `Headers` trims them.
 */
export function mergeHeaders(
  target: HeaderRecord,
  source: HeadersLike | undefined,
  origin: string,
): void {
  if (!source) return;
  if (typeof source !== "object") {
    throw new InvalidRequestError(
      `${origin} must be an object, an array of [name, value] pairs or a Headers`,
    );
  }
  // A `Headers` (or any iterable of pairs) is iterated; it is not tested with
  // `instanceof Headers`, which would load fetch's implementation on Node.
  const entries: Iterable<[string, string]> =
    Array.isArray(source) || Symbol.iterator in source
      ? (source as Iterable<[string, string]>)
      : Object.entries(source);
  for (const [name, value] of entries) {
    checkHeader(name, value, origin);
    target[name.toLowerCase()] = value.replace(edgeSpace, "");
  }
}

/** Throws {@link InvalidRequestError} when a header name or value is unusable. */
export function checkHeader(name: string, value: unknown, origin: string): void {
  if (typeof name !== "string" || !validName.test(name)) {
    throw new InvalidRequestError(`${origin}: invalid header name ${JSON.stringify(name)}`);
  }
  if (typeof value !== "string") {
    throw new InvalidRequestError(`${origin}: header "${name}" must be a string`);
  }
  if (forbiddenValue.test(value)) {
    throw new InvalidRequestError(
      `${origin}: header "${name}" contains a line break or NUL character, which is refused`,
    );
  }
  if (notAscii.test(value)) {
    throw new InvalidRequestError(
      `${origin}: header "${name}" has a character beyond ASCII, which runtimes send differently (encode it, e.g. with encodeURIComponent)`,
    );
  }
}
