/**
 * `mistral-stream/node`: what only Node has. `fileFromPath()` makes an upload
 * from a file on disk that is read as it is sent, never whole into memory,
 * and can be sent again on a retry.
 *
 * @module
 */

import { openAsBlob } from "node:fs";
import { basename } from "node:path";
import type { FileT } from "../core/index.js";

/** What `fileFromPath()` may be told. */
export interface FileFromPathOptions {
  /** The name sent to the server (default: the path's last part). */
  fileName?: string | undefined;
  /** The media type sent with it (default: none, the server guesses). */
  type?: string | undefined;
}

/**
 * A file on disk as an upload for `files.upload({ file })` or
 * `audio.transcriptions.complete({ file })`. Node reads it as the request
 * is sent; a change to the file meanwhile fails the upload.
 *
 * ```ts
 * import { fileFromPath } from "mistral-stream/node";
 * await client.files.upload({ file: await fileFromPath("batch.jsonl"), purpose: "batch" });
 * ```
 */
export async function fileFromPath(
  path: string,
  options: FileFromPathOptions = {},
): Promise<FileT> {
  const blobOptions = options.type === undefined ? {} : { type: options.type };
  const content = await openAsBlob(path, blobOptions);
  return { fileName: options.fileName ?? basename(path), content };
}

export { createNodeTransport, type NodeTransportOptions } from "./transport/node-transport.js";
export type { PoolOptions } from "./transport/pool.js";
