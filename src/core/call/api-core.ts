/**
 * What every resource method shares: resolving the call's settings, building
 * the request (URL, headers, auth), sending it with retries and handing the
 * response to a stream or a JSON decoder. Resources know their paths and
 * shapes; this knows HTTP.
 *
 * @module
 */

import {
  ConnectionError,
  InvalidRequestError,
  MistralError,
  ResponseValidationError,
  truncate,
  UnexpectedClientError,
} from "../errors/index.js";
import { CallScope } from "../http/call-scope.js";
import { readBodyText } from "../http/error-response.js";
import { resolveRetryPolicy } from "../http/retry-policy.js";
import { sendRequest } from "../http/send-request.js";
import type { TransportResponse } from "../http/transport.js";
import { EventStream, type StreamDecoder } from "../stream/event-stream.js";
import { version } from "../version.js";
import { mergeHeaders } from "./headers.js";
import {
  type ClientConfig,
  checkRetryCodes,
  checkRetryConfig,
  checkSize,
  checkTimeout,
  defaultTimeouts,
  normalizeServerURL,
  type RequestOptions,
} from "./options.js";

const defaultUserAgent = `mistral-stream/${version}`;

/** One API call, as a resource describes it. */
export interface ApiCall {
  readonly method: "GET" | "POST" | "DELETE";
  readonly path: string;
  /** The wire body (already snake_case), serialised here. */
  readonly body?: unknown;
}

/** Sends calls for the resources. Holds the API key privately. */
export class ApiCore {
  readonly #config: ClientConfig;
  readonly #apiKey: string | (() => Promise<string>) | undefined;

  constructor(config: ClientConfig, apiKey: string | (() => Promise<string>) | undefined) {
    this.#config = config;
    this.#apiKey = apiKey;
  }

  /** Sends a streaming call and returns its event stream once the headers are in. */
  async openStream<T>(
    call: ApiCall,
    decoder: StreamDecoder<T>,
    options: RequestOptions | undefined,
  ): Promise<EventStream<T>> {
    const settings = this.#resolve(options, true);
    const scope = new CallScope({ signal: settings.signal, totalMs: settings.timeoutMs });
    try {
      const response = await this.#send(call, settings, scope, "text/event-stream");
      await ensureEventStream(response);
      return new EventStream({
        response,
        scope,
        decoder,
        idleTimeoutMs: settings.idleTimeoutMs,
        maxEventBytes: settings.maxEventBytes,
      });
    } catch (error) {
      scope.dispose();
      throw toMistralError(error);
    }
  }

  /** Sends a call and returns its JSON body (`undefined` for an empty body). */
  async requestJson(call: ApiCall, options: RequestOptions | undefined): Promise<unknown> {
    const settings = this.#resolve(options, false);
    const scope = new CallScope({ signal: settings.signal, totalMs: settings.timeoutMs });
    try {
      const response = await this.#send(call, settings, scope, "application/json");
      const text = await readAll(response, scope);
      return parseJsonResponse(text, response);
    } catch (error) {
      // A typed error is the truth (an HTTP error whose body a deadline cut
      // stays that HTTP error); a raw one is explained by why the call ended.
      throw toMistralError(error instanceof MistralError ? error : (scope.reason ?? error));
    } finally {
      scope.dispose();
    }
  }

  async #send(call: ApiCall, settings: CallSettings, scope: CallScope, accept: string) {
    const key = await this.#resolveKey();
    const headers = this.#buildHeaders(settings, accept, call.body !== undefined, key);
    const body = call.body === undefined ? undefined : serialize(call.body);
    return sendRequest(
      { url: `${settings.baseURL}${call.path}`, method: call.method, headers, body },
      {
        transport: this.#config.transport,
        retry: resolveRetryPolicy(settings.retries, settings.retryCodes),
        headersTimeoutMs: settings.headersTimeoutMs,
        redact: redactKey(key),
      },
      scope,
    );
  }

  #buildHeaders(
    settings: CallSettings,
    accept: string,
    hasBody: boolean,
    key: string | undefined,
  ): Headers {
    const headers = new Headers({ "user-agent": defaultUserAgent });
    mergeHeaders(headers, this.#config.headers, "options.headers");
    mergeHeaders(headers, settings.headers, "request headers");
    // Set after the caller's headers: the body and the decoder depend on them.
    headers.set("accept", accept);
    if (hasBody) headers.set("content-type", "application/json");
    if (key) headers.set("authorization", `Bearer ${key}`);
    else if (settings.isOfficialServer) {
      throw new InvalidRequestError(
        "No API key: pass `apiKey` to new Mistral() or set MISTRAL_API_KEY (get one at console.mistral.ai)",
      );
    }
    return headers;
  }

  async #resolveKey(): Promise<string | undefined> {
    const source = this.#apiKey;
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

  #resolve(options: RequestOptions | undefined, stream: boolean): CallSettings {
    const o = options ?? {};
    const config = this.#config;
    checkRetryConfig(o.retries, "retries");
    const baseURL =
      o.serverURL === undefined
        ? config.baseURL
        : normalizeServerURL(String(o.serverURL), "serverURL");
    return {
      baseURL,
      isOfficialServer: o.serverURL === undefined ? config.isOfficialServer : false,
      signal: o.signal ?? o.fetchOptions?.signal,
      headers: o.headers,
      timeoutMs: pick(checkTimeout(o.timeoutMs, "timeoutMs"), o.timeoutMs, config.timeoutMs),
      headersTimeoutMs: pick(
        checkTimeout(o.headersTimeoutMs, "headersTimeoutMs"),
        o.headersTimeoutMs,
        config.headersTimeoutMs ??
          (stream ? defaultTimeouts.streamHeadersMs : defaultTimeouts.completeHeadersMs),
      ),
      idleTimeoutMs: pick(
        checkTimeout(o.idleTimeoutMs, "idleTimeoutMs"),
        o.idleTimeoutMs,
        config.idleTimeoutMs ?? defaultTimeouts.idleMs,
      ),
      retries: o.retries ?? config.retryConfig,
      retryCodes: checkRetryCodes(o.retryCodes, "retryCodes") ?? config.retryCodes,
      maxEventBytes: checkSize(o.maxEventBytes, "maxEventBytes") ?? config.maxEventBytes,
    };
  }
}

/** Settings of one call: the call's options over the client's over the defaults. */
interface CallSettings {
  baseURL: string;
  isOfficialServer: boolean;
  signal: AbortSignal | null | undefined;
  headers: RequestOptions["headers"];
  timeoutMs: number | undefined;
  headersTimeoutMs: number | undefined;
  idleTimeoutMs: number | undefined;
  retries: RequestOptions["retries"];
  retryCodes: readonly string[] | undefined;
  maxEventBytes: number;
}

/** A call's value when it set one (0/Infinity having been turned into `undefined` = none). */
function pick(checked: number | undefined, raw: number | undefined, fallback: number | undefined) {
  return raw === undefined ? fallback : checked;
}

function serialize(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new InvalidRequestError(`The request cannot be serialised to JSON: ${String(error)}`, {
      cause: error,
    });
  }
}

/** A 2xx answer to a stream request must be an event stream; anything else is read and reported. */
async function ensureEventStream(response: TransportResponse): Promise<void> {
  const type = response.headers.get("content-type") ?? "";
  if (type === "" || type.toLowerCase().startsWith("text/event-stream")) return;
  const body = await readBodyText(response.body);
  throw new ResponseValidationError(
    `Expected an event stream but got ${type} (HTTP ${response.status}): ${truncate(body.trim(), 300)}`,
    body,
    { response },
  );
}

async function readAll(response: TransportResponse, scope: CallScope): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await response.body.read();
    } catch (error) {
      throw (
        scope.reason ??
        new ConnectionError("The connection broke while reading the response", {
          cause: error,
          response,
          retryable: true,
        })
      );
    }
    if (scope.reason) throw scope.reason;
    if (chunk.done) return text + decoder.decode();
    text += decoder.decode(chunk.value, { stream: true });
  }
}

function parseJsonResponse(text: string, response: TransportResponse): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ResponseValidationError(
      `Expected a JSON response but got (HTTP ${response.status}, ${response.headers.get("content-type") ?? "no content-type"}): ${truncate(text.trim(), 300)}`,
      text,
      { response, cause: error },
    );
  }
}

/**
 * A server that echoes the key back in an error body must not put it in our
 * errors. Keys shorter than 8 characters (test placeholders such as "k") are
 * left alone: replacing them would mangle ordinary words of the body.
 */
function redactKey(key: string | undefined): ((text: string) => string) | undefined {
  if (!key || key.length < 8) return undefined;
  return (text) => (text.includes(key) ? text.split(key).join("[redacted]") : text);
}

/** Wraps anything that is not yet typed. */
function toMistralError(error: unknown): MistralError {
  if (error instanceof MistralError) return error;
  return new UnexpectedClientError(`Unexpected error: ${String(error)}`, { cause: error });
}
