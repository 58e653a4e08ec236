/**
 * The few client-side checks worth a clear error before a round trip: the
 * request is an object with a model and a message list. Everything finer is
 * the server's to judge (its 422 names the exact field).
 *
 * @module
 */

import { InvalidRequestError, ResponseValidationError } from "../errors.js";

/** Refuses a chat request that is not an object with `model` and `messages`. */
export function checkRequest(request: unknown, method: string): void {
  if (request === null || typeof request !== "object" || Array.isArray(request)) {
    throw new InvalidRequestError(`${method}: the request must be an object`);
  }
  const { model, messages } = request as { model?: unknown; messages?: unknown };
  if (typeof model !== "string" || model === "") {
    throw new InvalidRequestError(`${method}: request.model must be a non-empty string`);
  }
  if (!Array.isArray(messages)) {
    throw new InvalidRequestError(`${method}: request.messages must be an array of messages`);
  }
}

/** A JSON response body must be an object. */
export function expectObject(value: unknown, method: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const text = JSON.stringify(value) ?? "";
    throw new ResponseValidationError(`${method}: expected a JSON object in the response`, text);
  }
  return value as Record<string, unknown>;
}
