/**
 * Header building and checking. Values with CR or LF are refused up front:
 * they are how header injection works, and runtimes disagree on whether they
 * throw, strip or send them.
 *
 * @module
 */

import { InvalidRequestError } from "../errors/index.js";

/** Headers as a caller may give them. */
export type HeadersLike = Headers | Record<string, string> | Array<[string, string]>;

const forbiddenValue = /[\r\n\0]/;
const validName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Copies `source` into `target`, refusing bad names and CR/LF/NUL in values. */
export function mergeHeaders(
  target: Headers,
  source: HeadersLike | undefined,
  origin: string,
): void {
  if (!source) return;
  const entries =
    source instanceof Headers || Array.isArray(source) ? source : Object.entries(source);
  for (const [name, value] of entries) {
    checkHeader(name, value, origin);
    target.set(name, value);
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
}
