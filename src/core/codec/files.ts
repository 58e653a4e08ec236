/**
 * Files: wire → public. A file's `bytes` is `sizeBytes`, as in the official
 * client; times stay Unix seconds.
 *
 * @module
 */

import type {
  DeleteBatchJobResponse,
  DeleteFileResponse,
  FileSchema,
  GetFileResponse,
  ListFilesResponse,
} from "../models/index.js";
import { decodeFields, each, fieldTable } from "./field-table.js";

const file = fieldTable(
  "id object bytes:sizeBytes created_at filename purpose sample_type num_lines mimetype source signature expires_at visibility deleted",
);
const fileList = fieldTable("data object total");
const deleted = fieldTable("id object deleted");

/** A stored file → public. */
export function decodeFile(wire: unknown): FileSchema & Partial<GetFileResponse> {
  return decodeFields(wire, file);
}

/** A file listing → public. */
export function decodeFileList(wire: unknown): ListFilesResponse {
  return decodeFields(wire, fileList, { data: each(decodeFile) });
}

/** A deletion's answer (of a file or a batch job) → public. */
export function decodeDeleted(wire: unknown): DeleteFileResponse & DeleteBatchJobResponse {
  return decodeFields(wire, deleted);
}
