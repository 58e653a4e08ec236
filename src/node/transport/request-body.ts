/**
 * Writing a request body to a `node:http` request: JSON text in one write,
 * a `Blob` (a multipart upload, a file opened with `fileFromPath()`) or a
 * stream chunk by chunk, waiting for `drain` so a large upload never sits in
 * memory.
 *
 * @module
 */

import type { ClientRequest } from "node:http";
import type { RequestBody } from "../../core/index.js";

/** The headers a body implies, set unless the caller set them. */
export function bodyHeaders(body: RequestBody | undefined, headers: Record<string, string>): void {
  if (typeof body === "string") {
    headers["content-length"] = String(Buffer.byteLength(body));
  } else if (body instanceof Blob) {
    headers["content-length"] = String(body.size);
    if (body.type && headers["content-type"] === undefined) headers["content-type"] = body.type;
  } else if (body === undefined) {
    // fetch sends `content-length: 0` on a bodyless POST; servers expect it.
    headers["content-length"] ??= "0";
  }
}

/** Writes `body` and ends the request; a failure destroys the request with it. */
export function writeBody(request: ClientRequest, body: RequestBody | undefined): void {
  if (body === undefined) {
    request.end();
  } else if (typeof body === "string") {
    request.end(body);
  } else {
    const stream = body instanceof Blob ? body.stream() : body;
    pump(request, stream.getReader()).catch((error: unknown) => {
      request.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  }
}

async function pump(
  request: ClientRequest,
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<void> {
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (request.destroyed) return;
      if (!request.write(value)) await drained(request);
    }
    request.end();
  } finally {
    if (request.destroyed) reader.cancel().catch(() => {});
  }
}

function drained(request: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      request.off("drain", done);
      request.off("close", done);
      resolve();
    };
    request.on("drain", done);
    request.on("close", done);
  });
}
