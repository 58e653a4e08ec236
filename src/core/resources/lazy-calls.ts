/**
 * How the beta resources forward a method to its call, loaded on first use:
 * one small function, so each method of theirs is a line.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";

/** The calls of the Conversations and agents resources. */
type Calls = typeof import("../conversations/index.js");
type Table = "conversationCalls" | "agentCalls";
type Call = (core: ApiCore, request: unknown, options?: RequestOptions) => Promise<unknown>;

/** Calls `name` of `table` with the resource's core, once the calls are loaded. */
export async function forward<T extends Table, K extends keyof Calls[T]>(
  table: T,
  name: K,
  core: ApiCore,
  request: unknown,
  options: RequestOptions | undefined,
): Promise<Awaited<ReturnType<Extract<Calls[T][K], (...args: never[]) => unknown>>>> {
  const calls: Record<PropertyKey, Call> = (await import("../conversations/index.js"))[table];
  // The table's entries all take (core, request, options); the result's type is `name`'s own.
  return calls[name as PropertyKey]!(core, request, options) as never;
}
