/**
 * `client.files`: upload, list, read, download and delete files (for batch
 * jobs, OCR, audio). The calls are loaded with the first one.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import type {
  CreateFileResponse,
  DeleteFileResponse,
  FilesApiRoutesDeleteFileRequest,
  FilesApiRoutesDownloadFileRequest,
  FilesApiRoutesGetSignedUrlRequest,
  FilesApiRoutesListFilesRequest,
  FilesApiRoutesRetrieveFileRequest,
  GetFileResponse,
  GetSignedUrlResponse,
  ListFilesResponse,
  MultiPartBodyParams,
} from "../models/index.js";

const calls = async () => (await import("../endpoints/index.js")).fileCalls;

/** Files (`/v1/files`). */
export class Files {
  readonly #core: ApiCore;

  /** @internal */
  constructor(core: ApiCore) {
    this.#core = core;
  }

  /**
   * Uploads a file (multipart): a `Blob` / `File`, or `{ fileName, content }`.
   * A `Blob` is read as it is sent (on Node, `fileFromPath()` of
   * `mistral-stream/node` streams from disk) and can be retried; a stream is
   * never sent twice.
   */
  async upload(
    request: MultiPartBodyParams,
    options?: RequestOptions,
  ): Promise<CreateFileResponse> {
    return (await calls()).upload(this.#core, request, options) as Promise<CreateFileResponse>;
  }

  /** Lists files. */
  async list(
    request?: FilesApiRoutesListFilesRequest,
    options?: RequestOptions,
  ): Promise<ListFilesResponse> {
    return (await calls()).list(this.#core, request, options);
  }

  /** One file's details. */
  async retrieve(
    request: FilesApiRoutesRetrieveFileRequest,
    options?: RequestOptions,
  ): Promise<GetFileResponse> {
    return (await calls()).retrieve(this.#core, request, options) as Promise<GetFileResponse>;
  }

  /** Deletes a file. */
  async delete(
    request: FilesApiRoutesDeleteFileRequest,
    options?: RequestOptions,
  ): Promise<DeleteFileResponse> {
    return (await calls()).delete(this.#core, request, options);
  }

  /**
   * A file's bytes, as a stream read as you read it (the call's deadlines
   * apply; cancelling it releases the connection).
   */
  async download(
    request: FilesApiRoutesDownloadFileRequest,
    options?: RequestOptions,
  ): Promise<ReadableStream<Uint8Array>> {
    return (await calls()).download(this.#core, request, options);
  }

  /** A URL to download the file without the API key, valid `expiry` hours (24 by default). */
  async getSignedUrl(
    request: FilesApiRoutesGetSignedUrlRequest,
    options?: RequestOptions,
  ): Promise<GetSignedUrlResponse> {
    return (await calls()).getSignedUrl(this.#core, request, options);
  }
}
