/**
 * The shapes most of these calls have: a JSON body posted, or a resource
 * read or deleted; an object decoded.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { expectObject } from "../resources/check-request.js";

/** Posts `body` to `path` and decodes the answer with `decode`. */
export async function post<T>(
  core: ApiCore,
  path: string,
  body: unknown,
  method: string,
  decode: (wire: unknown) => T,
  options: RequestOptions | undefined,
): Promise<T> {
  const wire = await core.requestJson({ method: "POST", path, body }, options);
  return decode(expectObject(wire, method));
}

/** Sends `GET`/`DELETE` `path` and decodes the object with `decode`. */
export async function read<T>(
  core: ApiCore,
  verb: "GET" | "DELETE",
  path: string,
  method: string,
  decode: (wire: unknown) => T,
  options: RequestOptions | undefined,
): Promise<T> {
  return decode(expectObject(await core.requestJson({ method: verb, path }, options), method));
}
