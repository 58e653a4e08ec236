/**
 * The emulator's files: kept in memory for its life, with the API's ids
 * (UUIDs), fields and signed download URLs.
 *
 * @module
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";

/** A stored file: its bytes and its wire fields. */
export interface FileRecord {
  readonly id: string;
  readonly bytes: Buffer;
  readonly wire: Record<string, unknown>;
}

const sampleTypes: Record<string, string> = {
  batch: "batch_request",
  "fine-tune": "instruct",
  ocr: "pretrain",
};

/** Lines of a text file (what `num_lines` counts), or `null` for binary data. */
function lineCount(bytes: Buffer, mimetype: string): number | null {
  if (!/json|text|csv/.test(mimetype)) return null;
  return bytes
    .toString("utf8")
    .split("\n")
    .filter((line) => line.trim() !== "").length;
}

/** The media type a file name says. */
export function mimeTypeOf(name: string, given: string): string {
  if (given && given !== "application/octet-stream") return given;
  const ext = name.toLowerCase().split(".").pop() ?? "";
  const types: Record<string, string> = {
    jsonl: "application/jsonl",
    json: "application/json",
    pdf: "application/pdf",
    txt: "text/plain",
    md: "text/markdown",
    png: "image/png",
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    wav: "audio/wav",
    mp3: "audio/mpeg",
  };
  return types[ext] ?? "application/octet-stream";
}

/** The files of one emulator. */
export class FileStore {
  readonly #files = new Map<string, FileRecord>();
  readonly #secret = randomBytes(16);

  /** Stores a file; `source` is `upload` for the user's, `mistral` for batch outputs. */
  add(
    bytes: Buffer,
    fields: {
      filename: string;
      purpose: string;
      mimetype: string;
      source?: string;
      sampleType?: string;
      expiry?: number | null;
      visibility?: string;
    },
  ): FileRecord {
    const id = randomUUID();
    const created = Math.floor(Date.now() / 1000);
    const wire: Record<string, unknown> = {
      id,
      object: "file",
      bytes: bytes.length,
      created_at: created,
      filename: fields.filename,
      purpose: fields.purpose,
      sample_type: fields.sampleType ?? sampleTypes[fields.purpose] ?? "pretrain",
      source: fields.source ?? "upload",
      num_lines: lineCount(bytes, fields.mimetype),
      mimetype: fields.mimetype,
      signature: createHmac("sha256", this.#secret).update(bytes).digest("hex").slice(0, 16),
      expires_at: fields.expiry ? created + fields.expiry * 3600 : null,
      visibility: fields.visibility ?? "workspace",
    };
    const record = { id, bytes, wire };
    this.#files.set(id, record);
    return record;
  }

  /** One file, or `undefined`. */
  get(id: string): FileRecord | undefined {
    return this.#files.get(id);
  }

  /** Removes a file; whether it was there. */
  delete(id: string): boolean {
    return this.#files.delete(id);
  }

  /** Every file, newest first. */
  list(): FileRecord[] {
    return [...this.#files.values()].reverse();
  }

  /** The signature of a download URL of `id` valid until `until` (Unix seconds). */
  sign(id: string, until: number): string {
    return createHmac("sha256", this.#secret).update(`${id}:${until}`).digest("hex");
  }

  /** Whether `signature` signs a download of `id` that has not expired. */
  verify(id: string, until: number, signature: string): boolean {
    return until >= Date.now() / 1000 && this.sign(id, until) === signature;
  }
}
