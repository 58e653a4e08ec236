/**
 * Small helpers every part of the core shares. Each exists once, here.
 *
 * @module
 */

/** Does nothing: the handler of a rejection that is expected and already accounted for. */
export const noop = (): void => {};

/** Shortens `text` to `max` characters for messages, saying how long it was. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}

/**
 * The codes and messages along an error's `cause` chain, outermost first and
 * without repeats: `fetch failed: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1`.
 * Runtimes hide the useful part of a network failure in `cause`.
 */
export function describeCause(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { message?: unknown; code?: unknown; cause?: unknown };
    const text = [e.code, e.message].filter((x) => typeof x === "string" && x).join(" ");
    if (text && !parts.includes(text)) parts.push(text);
    current = e.cause;
  }
  return parts.join(": ") || String(error);
}

/** A refused value as a message shows it: strings quoted, so `"5"` does not read as 5. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return "an array";
  if (typeof value === "function") return "a function";
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}

/** Reads an environment variable where the runtime exposes one (`MISTRAL_API_KEY` …); never throws. */
export function readEnv(name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
      ?.env;
    const value = env?.[name];
    return value ? value : undefined;
  } catch {
    // Deno without --allow-env throws on access: behave as if unset.
    return undefined;
  }
}
