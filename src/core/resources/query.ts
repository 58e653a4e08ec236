/**
 * What the calls loaded on first use (conversations, agents, files, batch …)
 * share: path ids and query strings (the request-object check is
 * `check-request.ts`'s, shared with the completion calls).
 *
 * @module
 */

import { SDKValidationError } from "../errors/index.js";

/** A path segment from a non-empty string (a number for versions), escaped. */
export function pathId(value: unknown, method: string, name: string): string {
  if ((typeof value !== "string" || value === "") && typeof value !== "number") {
    throw new SDKValidationError(
      `${method}: request.${name} must be a non-empty string`,
      undefined,
      value,
    );
  }
  return encodeURIComponent(String(value));
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The query string of the `names` fields of `request` (camelCase → snake_case):
 * arrays repeat the key, objects (`metadata`) are JSON; `undefined` and
 * `null` are left out. Empty, or `?…`.
 */
export function pageQuery(request: unknown, names: readonly string[]): string {
  const query = new URLSearchParams();
  const fields = (request ?? {}) as Record<string, unknown>;
  for (const name of names) {
    const value = fields[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) query.append(snake(name), String(item));
    else if (typeof value === "object") query.set(snake(name), JSON.stringify(value));
    else query.set(snake(name), String(value));
  }
  return query.size > 0 ? `?${query}` : "";
}
