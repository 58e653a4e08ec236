/**
 * The API key: resolving it once per call (it may come from an async
 * function) and keeping it out of every error, even one whose body a server
 * echoed it in.
 *
 * @module
 */

import { InvalidRequestError } from "../errors/index.js";

/** Where the key comes from: a string, or an async function called per request. */
export type ApiKeySource = string | (() => Promise<string>) | undefined;

/** The key for one call, or `undefined` for none; throws {@link InvalidRequestError} for an unusable one. */
export async function resolveApiKey(source: ApiKeySource): Promise<string | undefined> {
  let key: unknown = source;
  if (typeof source === "function") {
    try {
      key = await source();
    } catch (error) {
      throw new InvalidRequestError("The apiKey function failed", { cause: error });
    }
  }
  if (key !== undefined && typeof key !== "string") {
    throw new InvalidRequestError("The API key must be a string");
  }
  // Checked here for string keys too: `Headers` would refuse such a value
  // with a TypeError that quotes it, and so the key, in its message.
  if (key && /[^\t\x20-\x7e\x80-\xff]/.test(key)) {
    throw new InvalidRequestError(
      "The API key contains a line break or a character that cannot be sent in a header",
    );
  }
  return key || undefined;
}

/**
 * A function that removes `key` from a text, for error bodies a server might
 * echo the key in. Keys shorter than 8 characters (test placeholders such as
 * "k") are left alone: replacing them would mangle ordinary words of the body.
 */
export function redactKey(key: string | undefined): ((text: string) => string) | undefined {
  if (!key || key.length < 8) return undefined;
  return (text) => (text.includes(key) ? text.split(key).join("[redacted]") : text);
}
