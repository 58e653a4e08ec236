/**
 * One call's settings: the call's options over the client's over the
 * defaults, validated. Deadlines resolve to a number of milliseconds where `0`
 * means none, so a deadline turned off at either level stays off.
 *
 * @module
 */

import type { RetryConfig } from "../http/retry-policy.js";
import { fetchInitOf } from "./fetch-init.js";
import {
  type ClientConfig,
  checkEventCap,
  checkRetryCodes,
  checkRetryConfig,
  checkTimeout,
  defaultTimeouts,
  type RequestOptions,
} from "./options.js";
import { normalizeServerURL } from "./servers.js";

/** Settings of one call. Deadlines are in ms, `0` for none. */
export interface CallSettings {
  readonly baseURL: string;
  readonly isOfficialServer: boolean;
  readonly signal: AbortSignal | null | undefined;
  readonly headers: RequestOptions["headers"];
  /** Fetch's own options of the call, for a fetch-based transport. */
  readonly fetchInit: Readonly<Record<string, unknown>> | undefined;
  readonly timeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly retries: RetryConfig | undefined;
  readonly retryCodes: readonly string[] | undefined;
  readonly maxEventChars: number;
}

/** Resolves the settings of a call (`stream` selects the stream defaults); throws on a bad option. */
export function resolveCallSettings(
  config: ClientConfig,
  options: RequestOptions | undefined,
  stream: boolean,
): CallSettings {
  const o = options ?? {};
  checkRetryConfig(o.retries, "retries");
  const ownServer = o.serverURL !== undefined;
  const defaultHeadersMs = stream
    ? defaultTimeouts.streamHeadersMs
    : defaultTimeouts.completeHeadersMs;
  return {
    baseURL: ownServer ? normalizeServerURL(String(o.serverURL), "serverURL") : config.baseURL,
    isOfficialServer: ownServer ? false : config.isOfficialServer,
    signal: o.signal ?? o.fetchOptions?.signal,
    headers: o.headers ?? (o.fetchOptions?.headers as RequestOptions["headers"]),
    fetchInit: fetchInitOf(o),
    timeoutMs: checkTimeout(o.timeoutMs, "timeoutMs") ?? config.timeoutMs ?? 0,
    headersTimeoutMs:
      checkTimeout(o.headersTimeoutMs, "headersTimeoutMs") ??
      config.headersTimeoutMs ??
      defaultHeadersMs,
    idleTimeoutMs:
      checkTimeout(o.idleTimeoutMs, "idleTimeoutMs") ??
      config.idleTimeoutMs ??
      defaultTimeouts.idleMs,
    retries: o.retries ?? config.retryConfig,
    retryCodes: checkRetryCodes(o.retryCodes, "retryCodes") ?? config.retryCodes,
    maxEventChars: checkEventCap(o) ?? config.maxEventChars,
  };
}
