/**
 * The error hierarchy. Everything the client throws or rejects with is a
 * {@link MistralError}; a raw `DOMException`, `TypeError` or `SyntaxError`
 * never reaches the caller.
 *
 * ```
 * MistralError
 * ├─ SDKError                    the server answered with an HTTP error status
 * │  ├─ BadRequestError          400
 * │  ├─ UnauthorizedError        401
 * │  ├─ ForbiddenError           403
 * │  ├─ NotFoundError            404
 * │  ├─ HTTPValidationError      422 (`detail`)
 * │  ├─ RateLimitError           429
 * │  └─ ServerError              5xx
 * ├─ HTTPClientError             the request never got a usable answer
 * │  ├─ ConnectionError          network failure before the response headers
 * │  ├─ RequestAbortedError      the caller aborted
 * │  ├─ RequestTimeoutError      a deadline passed (`phase` says which)
 * │  ├─ InvalidRequestError      bad options or arguments, refused before sending
 * │  │  └─ SDKValidationError    a request argument not of the method's shape
 * │  └─ UnexpectedClientError    anything else (a bug: please report it)
 * ├─ ResponseValidationError     a 2xx answer that is not what the API sends
 * ├─ StructuredOutputError       a structured reply was not JSON or did not fit its schema
 * ├─ ToolCallError               a tool call of a tool loop failed (unknown tool, bad arguments, threw)
 * ├─ ToolLoopLimitError          a tool loop reached maxRounds
 * └─ StreamError                 a stream failed after its headers arrived
 *    ├─ IncompleteStreamError    the body ended without `data: [DONE]`
 *    ├─ MalformedChunkError      an event whose data is not a JSON object
 *    ├─ EventTooLargeError       one event grew past the configured cap
 *    ├─ StreamServerError        the server reported an error inside the stream
 *    └─ StreamBufferOverflowError  one side of a tee fell too far behind
 * ```
 *
 * @module
 */

export * from "./app-errors.js";
export * from "./base.js";
export * from "./client-errors.js";
export * from "./http-errors.js";
export * from "./stream-errors.js";
