/**
 * The official client's `files` helpers (exported as the `files` object):
 * turning upload content into a `Blob`, guessing a content type from a file
 * name, reading a stream whole.
 *
 * @module
 */

/** Content types by file extension (lower case), as the official helper knows them. */
const typesByExtension: Readonly<Record<string, string>> = {
  css: "text/css",
  csv: "text/csv",
  gif: "image/gif",
  gz: "application/gzip",
  htm: "text/html",
  html: "text/html",
  ico: "image/x-icon",
  jpeg: "image/jpeg",
  jpg: "image/jpeg",
  js: "application/javascript",
  json: "application/json",
  mp3: "audio/mpeg",
  mp4: "video/mp4",
  otf: "font/otf",
  pdf: "application/pdf",
  png: "image/png",
  svg: "image/svg+xml",
  tar: "application/x-tar",
  ttf: "font/ttf",
  txt: "text/plain",
  wav: "audio/wav",
  webp: "image/webp",
  woff2: "font/woff2",
  woff: "font/woff",
  xml: "application/xml",
  zip: "application/zip",
};

/** The content type of `fileName` by its extension, or `null` for one not in the table. */
export function getContentTypeFromFileName(fileName: string): string | null {
  if (!fileName) return null;
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  return Object.hasOwn(typesByExtension, extension) ? (typesByExtension[extension] ?? null) : null;
}

/**
 * `content` as a `Blob` of `contentType`. Bytes are copied first: a Node
 * `Buffer` may be a view into a larger shared pool, which some runtimes would
 * put whole into the `Blob`.
 */
export function bytesToBlob(
  content: Uint8Array | ArrayBuffer | Blob | string,
  contentType: string,
): Blob {
  const part = content instanceof Uint8Array ? new Uint8Array(content) : content;
  return new Blob([part], { type: contentType });
}

/** Reads `readable` to its end and returns its bytes as one `ArrayBuffer` (a `Response` does the reading). */
export function readableStreamToArrayBuffer(
  readable: ReadableStream<Uint8Array>,
): Promise<ArrayBuffer> {
  return new Response(readable).arrayBuffer();
}

/**
 * The helpers under one name, as the official client's `files` namespace.
 * A plain object rather than `export * as`, so that a bundler drops it when
 * nothing reads it (a bundled namespace is built by a call it must keep).
 */
export const files = {
  /** See {@link bytesToBlob}. */
  bytesToBlob,
  /** See {@link getContentTypeFromFileName}. */
  getContentTypeFromFileName,
  /** See {@link readableStreamToArrayBuffer}. */
  readableStreamToArrayBuffer,
} as const;
