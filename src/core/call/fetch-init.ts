/**
 * Fetch's own options of a call (`cache`, `credentials`, `mode`, …). The
 * official client takes them flattened into its request options, or under the
 * older `fetchOptions`, and hands them to `fetch`; here they reach the fetch
 * transport the same way. The Node transport has no use for a browser's
 * cache, cookies or CORS mode, and sends a call that names an undici
 * `dispatcher` through fetch, which is what that option is for.
 *
 * @module
 */

/**
 * The `RequestInit` fields a call may pass on to `fetch`. The client sets
 * `method`, `body`, `headers` and `signal` itself, and never follows a
 * redirect (it could carry the API key to another origin), so `redirect` is
 * not among them.
 */
export type FetchInit = Omit<
  RequestInit,
  "method" | "body" | "headers" | "signal" | "redirect" | "window"
>;

/** The fields of {@link FetchInit} that are passed on, by name. */
const initKeys = [
  "cache",
  "credentials",
  "integrity",
  "keepalive",
  "mode",
  "priority",
  "referrer",
  "referrerPolicy",
  // undici's (Node's fetch): a proxy or a tuned pool for this call.
  "dispatcher",
] as const;

/**
 * The fetch fields of a call's options: those of `fetchOptions`, overridden
 * by those given at the top level, as the official client merges them;
 * `undefined` when there are none (the usual case costs one loop).
 */
export function fetchInitOf(options: {
  readonly fetchOptions?: unknown;
}): Readonly<Record<string, unknown>> | undefined {
  let init: Record<string, unknown> | undefined;
  for (const source of [options.fetchOptions, options]) {
    if (typeof source !== "object" || source === null) continue;
    for (const key of initKeys) {
      const value = (source as Record<string, unknown>)[key];
      if (value !== undefined) (init ??= {})[key] = value;
    }
  }
  return init;
}
