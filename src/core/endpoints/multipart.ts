/**
 * Multipart (`multipart/form-data`) bodies for uploads, built from the
 * request's fields without reading a file into memory: parts that are
 * `Blob`s or bytes make one `Blob` (sent again as is on a retry; a `Blob`
 * from disk is read as it is sent), and a part that is a stream makes the
 * body a stream that can be sent again only while none of it was read.
 *
 * @module
 */

import type { Upload } from "../call/api-core.js";
import { InvalidRequestError } from "../errors/index.js";
import type { BodySource } from "../http/send-request.js";
import type { FileContent, FileT } from "../models/index.js";

/** One field of a form: text, or a file. */
export type FormField = readonly [name: string, value: unknown];

type Piece = string | Blob | ArrayBuffer | Uint8Array;
/** A part that can be read once (a `Blob` has a `stream()` too: the name tells them apart). */
type StreamPiece = { readonly oneShot: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> };

const crlf = "\r\n";

/** Quotes a header parameter (a field or file name): quotes and line breaks cannot break out of it. */
const quoted = (value: string) =>
  `"${value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"`;

/** A file field's name, type and content, or a clear error. */
function filePart(
  value: unknown,
  field: string,
): { name: string; type: string; content: FileContent } {
  if (value instanceof Blob) {
    const name = "name" in value && typeof value.name === "string" ? value.name : "upload";
    return { name, type: value.type, content: value };
  }
  const file = value as Partial<FileT> | null;
  const content = file?.content;
  if (typeof file?.fileName !== "string" || !isContent(content)) {
    throw new InvalidRequestError(
      `request.${field} must be a Blob, a File or { fileName, content } with bytes, a Blob or a stream`,
    );
  }
  const type = content instanceof Blob ? content.type : "";
  return { name: file.fileName, type, content };
}

function isContent(value: unknown): value is FileContent {
  if (value instanceof Blob || value instanceof ArrayBuffer || value instanceof Uint8Array) {
    return true;
  }
  if (typeof value !== "object" || value === null) return false;
  return typeof ReadableStream !== "undefined" && value instanceof ReadableStream
    ? true
    : Symbol.asyncIterator in value;
}

/** The pieces of a form, in order: the stream parts left as streams. */
function formPieces(
  fields: readonly FormField[],
  boundary: string,
  fileFields: ReadonlySet<string>,
) {
  const pieces: (Piece | StreamPiece)[] = [];
  for (const [name, value] of fields) {
    let head = `--${boundary}${crlf}Content-Disposition: form-data; name=${quoted(name)}`;
    if (!fileFields.has(name)) {
      pieces.push(`${head}${crlf}${crlf}${String(value)}${crlf}`);
      continue;
    }
    const file = filePart(value, name);
    head += `; filename=${quoted(file.name)}${crlf}`;
    pieces.push(`${head}Content-Type: ${file.type || "application/octet-stream"}${crlf}${crlf}`);
    const content = file.content;
    const inline =
      content instanceof Blob || content instanceof ArrayBuffer || content instanceof Uint8Array;
    pieces.push(inline ? content : { oneShot: content });
    pieces.push(crlf);
  }
  pieces.push(`--${boundary}--${crlf}`);
  return pieces;
}

/** A boundary no file is likely to contain. */
function newBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `mistral-stream-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** The multipart body of `fields`; the names in `fileFields` are sent as files. */
export function multipartBody(
  fields: readonly FormField[],
  fileFields: ReadonlySet<string>,
): Upload {
  const boundary = newBoundary();
  const pieces = formPieces(fields, boundary, fileFields);
  const contentType = `multipart/form-data; boundary=${boundary}`;
  if (pieces.every((p) => typeof p === "string" || !("oneShot" in p))) {
    return { contentType, body: new Blob(pieces as BlobPart[]) };
  }
  return { contentType, body: streamSource(pieces) };
}

/** A body made of pieces, one of them (at least) a stream that can be read once. */
function streamSource(pieces: readonly (Piece | StreamPiece)[]): BodySource {
  let read = false;
  const encoder = new TextEncoder();
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (const piece of pieces) {
      if (typeof piece === "string") yield encoder.encode(piece);
      else if (piece instanceof Blob) yield* bytesOf(piece.stream());
      else if (piece instanceof ArrayBuffer) yield new Uint8Array(piece);
      else if (piece instanceof Uint8Array) yield piece;
      else {
        read = true;
        yield* bytesOf(piece.oneShot);
      }
    }
  }
  return {
    get reopenable() {
      return !read;
    },
    open: () => iterableStream(chunks()),
  };
}

/** The chunks of a stream (a web one read by its reader: not every runtime iterates those). */
async function* bytesOf(
  stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  if (!(stream instanceof ReadableStream)) {
    for await (const chunk of stream) yield chunk;
    return;
  }
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** An async iterator as a byte stream (cancelling it ends the iterator). */
function iterableStream(iterator: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel(reason) {
      await iterator.return(reason);
    },
  });
}
