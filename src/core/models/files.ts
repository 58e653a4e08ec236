/**
 * Files (`/v1/files`) and what uploads take: a `Blob` / `File`, or
 * `{ fileName, content }` with bytes or a stream.
 *
 * @module
 */

/**
 * The bytes of an upload: a `Blob`, bytes, or a stream (a web
 * `ReadableStream`, or any async iterable of bytes such as a Node `Readable`).
 * A `Blob` (also one from `fileFromPath()` of `mistral-stream/node`, read from
 * disk as it is sent) can be sent again on a retry; a stream cannot.
 */
export type FileContent =
  | ReadableStream<Uint8Array>
  | Blob
  | ArrayBuffer
  | Uint8Array
  | AsyncIterable<Uint8Array>;

/** A file to upload, with its name. */
export interface FileT {
  /** The name the server stores (its extension says the type, e.g. `batch.jsonl`). */
  fileName: string;
  content: FileContent;
}

/** What a file is for. */
export type FilePurpose = "fine-tune" | "batch" | "ocr" | (string & {});

/** The official enum-like values of {@link FilePurpose}. */
export const FilePurpose = {
  FineTune: "fine-tune",
  Batch: "batch",
  Ocr: "ocr",
  Audio: "audio",
} as const;

/** Who may see a file. */
export type FileVisibility = "workspace" | "user" | (string & {});

/** The official enum-like values of {@link FileVisibility}. */
export const FileVisibility = { Workspace: "workspace", User: "user" } as const;

/** The kind of a file's contents. */
export type SampleType =
  | "pretrain"
  | "instruct"
  | "batch_request"
  | "batch_result"
  | "batch_error"
  | (string & {});

/** Where a file came from. */
export type Source = "upload" | "repository" | "mistral" | (string & {});

/** The official enum-like values of {@link Source}. */
export const Source = { Upload: "upload", Repository: "repository", Mistral: "mistral" } as const;

/** What `files.upload()` sends (multipart). */
export interface MultiPartBodyParams {
  /** Hours until the file is deleted. */
  expiry?: number | null | undefined;
  visibility?: FileVisibility | undefined;
  purpose?: FilePurpose | undefined;
  file: FileT | Blob;
}

/** A stored file. */
export interface FileSchema {
  id: string;
  /** `"file"`. */
  object: string;
  /** Its size; wire `bytes`. */
  sizeBytes: number;
  /** Unix seconds; wire `created_at`. */
  createdAt: number;
  filename: string;
  purpose: FilePurpose;
  /** Wire `sample_type`. */
  sampleType: SampleType;
  /** Wire `num_lines`. */
  numLines?: number | null | undefined;
  mimetype?: string | null | undefined;
  source: Source;
  signature?: string | null | undefined;
  /** Unix seconds; wire `expires_at`. */
  expiresAt?: number | null | undefined;
  visibility?: FileVisibility | null | undefined;
}

/** What `files.upload()` returns. */
export type CreateFileResponse = FileSchema;

/** What `files.retrieve()` returns. */
export interface GetFileResponse extends FileSchema {
  deleted: boolean;
}

/** What `files.list()` returns. */
export interface ListFilesResponse {
  data: Array<FileSchema>;
  object: string;
  total?: number | null | undefined;
}

/** What `files.delete()` returns. */
export interface DeleteFileResponse {
  id: string;
  object: string;
  deleted: boolean;
}

/** What `files.getSignedUrl()` returns. */
export interface GetSignedUrlResponse {
  url: string;
}

/** What `files.list()` may filter on. */
export interface FilesApiRoutesListFilesRequest {
  page?: number | undefined;
  pageSize?: number | undefined;
  includeTotal?: boolean | undefined;
  sampleType?: Array<SampleType> | null | undefined;
  source?: Array<Source> | null | undefined;
  search?: string | null | undefined;
  purpose?: FilePurpose | null | undefined;
  mimetypes?: Array<string> | null | undefined;
}

/** Which file `files.retrieve()` returns. */
export interface FilesApiRoutesRetrieveFileRequest {
  fileId: string;
}

/** Which file `files.delete()` deletes. */
export interface FilesApiRoutesDeleteFileRequest {
  fileId: string;
}

/** Which file `files.download()` reads. */
export interface FilesApiRoutesDownloadFileRequest {
  fileId: string;
}

/** Which file `files.getSignedUrl()` signs, and for how many hours (1 to 168, default 24). */
export interface FilesApiRoutesGetSignedUrlRequest {
  fileId: string;
  expiry?: number | undefined;
}
