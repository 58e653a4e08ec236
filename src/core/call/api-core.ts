/**
 * What every resource method shares: resolving the call's settings, building
 * the request (URL, headers, auth), sending it with retries and handing the
 * response to a stream or a JSON decoder. Resources know their paths and
 * shapes; this knows HTTP.
 *
 * @module
 */

import {
  InvalidRequestError,
  MistralError,
  type ResponseMeta,
  ResponseValidationError,
  toMistralError,
} from "../errors/index.js";
import { CallScope } from "../http/call-scope.js";
import { ensureEventStream } from "../http/error-response.js";
import { readWholeBody } from "../http/read-body.js";
import { resolveRetryPolicy } from "../http/retry-policy.js";
import { type BodySource, sendRequest } from "../http/send-request.js";
import type { TransportResponse } from "../http/transport.js";
import { statsClock } from "../stream/clock.js";
import { EventStream } from "../stream/event-stream.js";
import type { EventStreamInit, StreamDecoder } from "../stream/types.js";
import { readEnv, truncate } from "../util.js";
import { type ApiKeySource, redactKey, resolveApiKey } from "./auth.js";
import { type HeaderRecord, mergeHeaders } from "./headers.js";
import {
  type ClientConfig,
  type RequestOptions,
  type ResumeOptions,
  resolveClientConfig,
  type SDKOptions,
} from "./options.js";
import { defaultUserAgent } from "./sdk-metadata.js";
import { type CallSettings, resolveCallSettings } from "./settings.js";

const jsonType = "application/json";

/** One API call, as a resource describes it. */
export interface ApiCall {
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  readonly path: string;
  /** The wire body (already snake_case), serialised here. */
  readonly body?: unknown;
  /** A multipart body instead (an upload), sent as built. */
  readonly upload?: Upload | undefined;
}

/** A response whose body is still to be read, and what bounds the reading. */
export interface OpenBody {
  readonly response: TransportResponse;
  readonly scope: CallScope;
  /** Longest wait for bytes, in ms; `0` for none. */
  readonly idleTimeoutMs: number;
}

/** A body sent as is, with its own content type (multipart uploads). */
export interface Upload {
  readonly contentType: string;
  /** A `Blob` can be sent again on a retry; a stream only while none of it was read. */
  readonly body: Blob | BodySource;
}

/** Makes a stream's decoder once its response is known (its errors carry the response). */
export type DecoderFactory<T> = (response: ResponseMeta) => StreamDecoder<T>;

/** Sends calls for the resources. Holds the API key privately. */
export class ApiCore {
  readonly #config: ClientConfig;
  readonly #apiKey: ApiKeySource;

  /** A core for the validated `config`, authenticating with `apiKey`. */
  constructor(config: ClientConfig, apiKey: ApiKeySource) {
    this.#config = config;
    this.#apiKey = apiKey;
  }

  /** The core of a client made with `options` (`new Mistral(options)`, `new MistralCore(options)`). */
  static fromOptions(options: SDKOptions): ApiCore {
    return new ApiCore(resolveClientConfig(options), options.apiKey ?? readEnv("MISTRAL_API_KEY"));
  }

  /** The client's `resume` option. */
  get resume(): ResumeOptions | undefined {
    return this.#config.resume;
  }

  /** A stream call's total deadline, in ms (the call's `timeoutMs` over the client's; `0`: none). */
  totalTimeoutMs(options: RequestOptions | undefined): number {
    return resolveCallSettings(this.#config, options, true).timeoutMs;
  }

  /** Sends a streaming call and returns its event stream once the headers are in. */
  async openStream<T, S extends EventStream<T> = EventStream<T>>(
    call: ApiCall,
    createDecoder: DecoderFactory<T>,
    options: RequestOptions | undefined,
    make?: (init: EventStreamInit<T>) => S,
  ): Promise<S> {
    const startedAt = statsClock();
    const settings = resolveCallSettings(this.#config, options, true);
    const scope = new CallScope({ signal: settings.signal, totalMs: settings.timeoutMs });
    let retries = 0;
    const onRetry = () => {
      retries++;
    };
    try {
      const response = await this.#send(call, settings, scope, "text/event-stream", onRetry);
      await ensureEventStream(response);
      const init: EventStreamInit<T> = {
        response,
        scope,
        decoder: createDecoder(response),
        idleTimeoutMs: settings.idleTimeoutMs,
        maxEventChars: settings.maxEventChars,
        startedAt,
        retries,
      };
      return make ? make(init) : (new EventStream(init) as S);
    } catch (error) {
      scope.dispose();
      throw toMistralError(error);
    }
  }

  /**
   * Sends a call whose answer is bytes (a download) and returns the response
   * once its headers are in, with the scope that bounds the reading: the
   * caller reads the body and disposes of the scope.
   */
  async openBody(
    call: ApiCall,
    accept: string,
    options: RequestOptions | undefined,
  ): Promise<OpenBody> {
    const settings = resolveCallSettings(this.#config, options, true);
    const scope = new CallScope({ signal: settings.signal, totalMs: settings.timeoutMs });
    try {
      const response = await this.#send(call, settings, scope, accept);
      return { response, scope, idleTimeoutMs: settings.idleTimeoutMs };
    } catch (error) {
      scope.dispose();
      throw toMistralError(error);
    }
  }

  /** Sends a call and returns its JSON body (`undefined` for an empty body). */
  async requestJson(call: ApiCall, options: RequestOptions | undefined): Promise<unknown> {
    const settings = resolveCallSettings(this.#config, options, false);
    const scope = new CallScope({ signal: settings.signal, totalMs: settings.timeoutMs });
    try {
      const response = await this.#send(call, settings, scope, "application/json");
      scope.setContext(() => ({ response }));
      const text = await readWholeBody(response, scope);
      return parseJsonResponse(text, response);
    } catch (error) {
      // A typed error is the truth (an HTTP error whose body a deadline cut
      // stays that HTTP error); a raw one is explained by why the call ended.
      throw toMistralError(error instanceof MistralError ? error : (scope.reason ?? error));
    } finally {
      scope.dispose();
    }
  }

  async #send(
    call: ApiCall,
    settings: CallSettings,
    scope: CallScope,
    accept: string,
    onRetry?: () => void,
  ) {
    const key = await resolveApiKey(this.#apiKey);
    const { upload } = call;
    const type = upload ? upload.contentType : call.body === undefined ? undefined : jsonType;
    const headers = this.#buildHeaders(settings, accept, type, key);
    const body = upload ? upload.body : call.body === undefined ? undefined : serialize(call.body);
    return sendRequest(
      {
        url: `${settings.baseURL}${call.path}`,
        method: call.method,
        headers,
        body,
        init: settings.fetchInit,
      },
      {
        transport: this.#config.transport,
        retry: resolveRetryPolicy(settings.retries, settings.retryCodes),
        headersTimeoutMs: settings.headersTimeoutMs,
        redact: redactKey(key),
        onRetry,
      },
      scope,
    );
  }

  #buildHeaders(
    settings: CallSettings,
    accept: string,
    contentType: string | undefined,
    key: string | undefined,
  ): HeaderRecord {
    const headers: HeaderRecord = { "user-agent": defaultUserAgent };
    mergeHeaders(headers, this.#config.headers, "options.headers");
    mergeHeaders(headers, settings.headers, "request headers");
    // Set after the caller's headers: the body and the decoder depend on them.
    headers.accept = accept;
    if (contentType) headers["content-type"] = contentType;
    if (key) headers.authorization = `Bearer ${key}`;
    else if (settings.isOfficialServer) {
      throw new InvalidRequestError(
        "No API key: pass `apiKey` to new Mistral() or set MISTRAL_API_KEY (get one at console.mistral.ai)",
      );
    }
    return headers;
  }
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
