/**
 * `debugLogger`: each attempt's request and response written to a logger, as
 * the official client's `debugLogger` does, on either transport. Loaded with
 * the first request of a client that has a logger; no other path loads it.
 *
 * - The API key is never written: `authorization` shows as `Bearer [redacted]`.
 * - A JSON or text response body is written once the client has read it (the
 *   first 64 Ki characters); a stream or binary body only by its type.
 * - A logger that throws never fails the request.
 *
 * @module
 */

import type { BodyReader, Transport, TransportRequest, TransportResponse } from "./transport.js";

/** Where `debugLogger` writes (`console` fits). */
export interface Logger {
  /** Opens an indented group. */
  group(label?: string): void;
  /** Closes the last group. */
  groupEnd(): void;
  /** Writes one line. */
  log(message: unknown, ...args: unknown[]): void;
}

/** How much of a response body is written. */
const bodyLimit = 64 * 1024;

/** Sends `request` through `transport`, writing it, its response or its failure to `logger`. */
export async function sendLogged(
  transport: Transport,
  logger: Logger,
  request: TransportRequest,
): Promise<TransportResponse> {
  const line = `${request.method} ${request.url}`;
  quietly(() => writeRequest(logger, line, request));
  let response: TransportResponse;
  try {
    response = await transport(request);
  } catch (error) {
    quietly(() => logger.log(`< Failed: ${line}:`, error));
    throw error;
  }
  quietly(() => writeResponse(logger, line, response));
  const type = response.headers.get("content-type") ?? "";
  if (!/json|^text\/(?!event-stream)/i.test(type)) return response;
  const body = watchBody(response.body, (text, whole) =>
    quietly(() =>
      writeGroup(logger, `< Response body: ${line}`, () => writeText(logger, text, whole)),
    ),
  );
  return withBody(response, body);
}

function writeRequest(logger: Logger, line: string, request: TransportRequest): void {
  writeGroup(logger, `> Request: ${line}`, () => {
    writeGroup(logger, "Headers:", () => {
      for (const [name, value] of Object.entries(request.headers)) {
        logger.log(`${name}: ${name === "authorization" ? "Bearer [redacted]" : value}`);
      }
    });
    const body = request.body;
    if (body === undefined) return;
    writeGroup(logger, "Body:", () =>
      typeof body === "string"
        ? writeText(logger, body, true)
        : logger.log(`<${request.headers["content-type"] ?? "stream"}>`),
    );
  });
}

function writeResponse(logger: Logger, line: string, response: TransportResponse): void {
  writeGroup(logger, `< Response: ${line}`, () => {
    logger.log("Status Code:", response.status);
    writeGroup(logger, "Headers:", () => {
      for (const [name, value] of response.headers) logger.log(`${name}: ${value}`);
    });
  });
}

/** JSON as its value (so a console shows it folded), anything else as text. */
function writeText(logger: Logger, text: string, whole: boolean): void {
  if (!whole) {
    logger.log(`${text} … (${text.length} characters written)`);
    return;
  }
  try {
    logger.log(JSON.parse(text));
  } catch {
    logger.log(text);
  }
}

function writeGroup(logger: Logger, label: string, write: () => void): void {
  logger.group(label);
  try {
    write();
  } finally {
    logger.groupEnd();
  }
}

// A logger is the caller's code: what it throws must not become the request's failure.
function quietly(write: () => void): void {
  try {
    write();
  } catch {
    // The log line is lost; the request goes on.
  }
}

/**
 * The body as the client reads it, its text kept (up to {@link bodyLimit})
 * and handed to `done` once, at its end or when the client stops reading.
 */
function watchBody(reader: BodyReader, done: (text: string, whole: boolean) => void): BodyReader {
  const decoder = new TextDecoder();
  let text = "";
  let finished = false;
  const finish = (whole: boolean) => {
    if (finished) return;
    finished = true;
    text += decoder.decode();
    done(text.slice(0, bodyLimit), whole && text.length <= bodyLimit);
  };
  return {
    async read() {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (error) {
        finish(false);
        throw error;
      }
      if (step.done) finish(true);
      else if (text.length <= bodyLimit) text += decoder.decode(step.value, { stream: true });
      return step;
    },
    cancel(reason) {
      finish(false);
      return reader.cancel(reason);
    },
  };
}

/** `response` with another body; its other members read through, so lazy ones stay lazy. */
function withBody(response: TransportResponse, body: BodyReader): TransportResponse {
  return {
    status: response.status,
    get headers() {
      return response.headers;
    },
    header: response.header,
    body,
    get raw() {
      return response.raw;
    },
  };
}
