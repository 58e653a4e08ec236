/**
 * The few client-side checks worth a clear error before a round trip: the
 * request is an object with its identifying fields (a model or agent id, the
 * messages or prompt). Everything finer is the server's to judge (its 422
 * names the exact field).
 *
 * @module
 */

import { ResponseValidationError, SDKValidationError } from "../errors/index.js";

/** What a request must have: non-empty string fields and array fields. */
export interface RequiredFields {
  readonly strings: readonly string[];
  readonly arrays?: readonly string[];
}

/** The request as an object, or a clear error. */
export function requestObject(request: unknown, what: string): Record<string, unknown> {
  if (request === null || typeof request !== "object" || Array.isArray(request)) {
    throw new SDKValidationError(`${what}: the request must be an object`, undefined, request);
  }
  return request as Record<string, unknown>;
}

/** Refuses a request that is not an object with the `required` fields ({@link SDKValidationError}). */
export function checkRequest(request: unknown, method: string, required: RequiredFields): void {
  const record = requestObject(request, method);
  for (const name of required.strings) {
    const value = record[name];
    if (typeof value !== "string" || value === "") {
      throw new SDKValidationError(
        `${method}: request.${name} must be a non-empty string`,
        undefined,
        request,
      );
    }
  }
  for (const name of required.arrays ?? []) {
    if (!Array.isArray(record[name])) {
      throw new SDKValidationError(
        `${method}: request.${name} must be an array`,
        undefined,
        request,
      );
    }
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
