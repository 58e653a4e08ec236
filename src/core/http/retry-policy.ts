/**
 * When and how long to wait before retrying a failed request. The config has the
 * official SDK's shape, plus `maxRetries` (an extension: the official shape only
 * bounds retries by elapsed time).
 *
 * @module
 */

/** Exponential back-off parameters (milliseconds). */
export interface BackoffStrategy {
  /** Wait before the first retry. */
  initialInterval: number;
  /** Longest wait between two attempts. */
  maxInterval: number;
  /** Growth factor of the wait per attempt. */
  exponent: number;
  /** No retry starts once this much time has passed since the first attempt. */
  maxElapsedTime: number;
}

/** Retry configuration, as in `@mistralai/mistralai`. */
export type RetryConfig =
  | { strategy: "none" }
  | {
      strategy: "backoff";
      backoff?: Partial<BackoffStrategy>;
      /** Retry network failures that happen before the response headers. */
      retryConnectionErrors?: boolean;
      /** Extension: at most this many retries (unlimited within `maxElapsedTime` when absent). */
      maxRetries?: number;
    };

/** The resolved policy one call runs with. */
export interface RetryPolicy {
  readonly maxRetries: number;
  readonly backoff: BackoffStrategy;
  readonly retryConnectionErrors: boolean;
  /** Status matchers such as `429`, `503` or `5XX`. */
  readonly retryCodes: readonly string[];
}

/** Defaults: a few quick retries for the failures that are worth one. */
export const defaultRetryConfig = {
  strategy: "backoff",
  backoff: { initialInterval: 500, maxInterval: 8000, exponent: 2, maxElapsedTime: 30_000 },
  retryConnectionErrors: true,
  maxRetries: 2,
} as const satisfies RetryConfig;

/** Statuses retried by default. */
export const defaultRetryCodes: readonly string[] = ["408", "429", "500", "502", "503", "504"];

const noRetries: RetryPolicy = Object.freeze({
  maxRetries: 0,
  backoff: defaultRetryConfig.backoff,
  retryConnectionErrors: false,
  retryCodes: [],
});

/** Combines a config (call's over client's over defaults) into a policy. */
export function resolveRetryPolicy(
  config: RetryConfig | undefined,
  retryCodes: readonly string[] | undefined,
): RetryPolicy {
  const effective = config ?? defaultRetryConfig;
  if (effective.strategy === "none") return noRetries;
  const backoff = { ...defaultRetryConfig.backoff, ...effective.backoff };
  const maxRetries =
    effective.maxRetries ?? (config === undefined ? defaultRetryConfig.maxRetries : Infinity);
  return {
    maxRetries,
    backoff,
    retryConnectionErrors: effective.retryConnectionErrors ?? true,
    retryCodes: retryCodes ?? defaultRetryCodes,
  };
}

/** Whether `status` matches one of the policy's codes (`"429"`, `"5XX"`). */
export function matchesRetryCode(status: number, codes: readonly string[]): boolean {
  const text = String(status);
  for (const code of codes) {
    if (code === text) return true;
    if (code.length === 3 && /^[1-5]XX$/i.test(code) && code[0] === text[0]) return true;
  }
  return false;
}

/**
 * The wait before retry number `attempt` (1-based): exponential with full
 * jitter in the upper half (so the first retry always waits a real interval),
 * or the server's own hint when it sent one, capped by `maxInterval`.
 */
export function computeRetryDelay(
  attempt: number,
  backoff: BackoffStrategy,
  serverHintMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (serverHintMs !== undefined) return Math.min(Math.max(0, serverHintMs), backoff.maxInterval);
  const base = backoff.initialInterval * backoff.exponent ** (attempt - 1);
  const capped = Math.min(base, backoff.maxInterval);
  return Math.round(capped / 2 + (random() * capped) / 2);
}

/** Reads `retry-after-ms` or `Retry-After` (seconds or an HTTP date); `undefined` if absent or invalid. */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Number(ms);
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
