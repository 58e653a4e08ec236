/**
 * The transport seam: everything above it speaks in {@link TransportRequest}
 * and {@link TransportResponse}; only the transport knows how bytes move. The
 * default uses the runtime's `fetch`, so the core runs wherever `fetch` does.
 *
 * @module
 */

/** What a request body may be. */
export type RequestBody = string | Blob | ReadableStream<Uint8Array>;

/** What the client asks the transport to send. */
export interface TransportRequest {
  readonly url: string;
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Lower-case name → value, ready to send. */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text, a multipart `Blob`, or a one-shot stream (an upload from a stream). */
  readonly body: RequestBody | undefined;
  /** Aborting it must abort the request and, later, the response body. */
  readonly signal: AbortSignal;
  /**
   * Fetch's own options the call gave (`cache`, `credentials`, undici's
   * `dispatcher` …), for a fetch-based transport to pass on; others may
   * ignore them.
   */
  readonly init?: Readonly<Record<string, unknown>> | undefined;
}

/** A reader over the response body: `ReadableStreamDefaultReader`'s shape. */
export interface BodyReader {
  /** The next bytes, or `done` at the end; rejects when the body breaks. */
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  /** Stops reading and releases the connection. */
  cancel(reason?: unknown): Promise<void>;
}

/** What the transport hands back once the response headers have arrived. */
export interface TransportResponse {
  readonly status: number;
  /**
   * The response headers. A transport may make them when first read: the
   * Node transport does, as a `Headers` costs a cold start there ~20 ms.
   */
  readonly headers: Headers;
  /**
   * One header's value (`null` if absent) without making {@link headers}.
   * Optional: where it is missing, `headers.get(name)` is read (`headerOf`).
   */
  readonly header?: ((name: string) => string | null) | undefined;
  /** The body, not yet read. */
  readonly body: BodyReader;
  /** The `Response` object itself, when the transport is `fetch`-based. */
  readonly raw?: Response | undefined;
}

/** Sends one request; rejects only for failures before the response headers. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** A `fetch`-compatible function (the global one, or an instrumented wrapper). */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

const emptyReader: BodyReader = {
  read: () => Promise.resolve({ done: true, value: undefined }),
  cancel: () => Promise.resolve(),
};

/** Builds a {@link Transport} on a `fetch` function. */
export function createFetchTransport(fetchImpl: FetchFunction): Transport {
  return async (request) => {
    const body = request.body;
    const init: RequestInit & { duplex?: "half" } = {
      ...request.init,
      method: request.method,
      // A `Headers`, as a caller's `fetch` wrapper has always received (fetch
      // would make one anyway; only the Node transport avoids it).
      headers: new Headers(request.headers),
      body: body ?? null,
      signal: request.signal,
      // A redirect could carry the Authorization header to another origin:
      // the API never redirects, so a 3xx is handed back unfollowed and
      // reported as an error (with "error", fetch would only say "fetch failed").
      redirect: "manual",
    };
    // A streamed body must say it is sent while the response may already arrive.
    if (typeof body === "object" && !(body instanceof Blob)) init.duplex = "half";
    return fromFetchResponse(await fetchImpl(request.url, init));
  };
}

/** A `fetch` `Response` as a {@link TransportResponse} (its body not yet read). */
export function fromFetchResponse(response: Response): TransportResponse {
  return {
    status: response.status,
    headers: response.headers,
    body: response.body ? response.body.getReader() : emptyReader,
    raw: response,
  };
}
