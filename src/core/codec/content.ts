/**
 * Content chunks, both ways. Decoding is on the per-token path for reasoning
 * models (their deltas are chunk arrays), so it is a plain switch building one
 * small object per chunk.
 *
 * @module
 */

import type {
  ContentChunk,
  DocumentURLChunk,
  FileChunk,
  ImageURLChunk,
  ReferenceChunk,
  TextChunk,
  ThinkChunk,
  Thinking,
  ToolFileChunk,
  ToolReferenceChunk,
  UnknownContentChunk,
} from "../models/index.js";
import {
  type Fields,
  fieldsOf,
  isObject,
  mapArray,
  nullableString,
  setDefined,
  stringOr,
  type WireObject,
} from "./wire.js";

/** Public content (string, null or chunk array) → wire. */
export function encodeContent(content: unknown): unknown {
  return Array.isArray(content) ? mapArray(content, encodeContentChunk) : content;
}

// The official types make `type` optional on standalone chunks; infer it from
// the one field that identifies each kind so such chunks still map correctly.
function publicChunkType(chunk: WireObject): unknown {
  if (chunk.type !== undefined) return chunk.type;
  if ("text" in chunk) return "text";
  if ("imageUrl" in chunk) return "image_url";
  if ("documentUrl" in chunk) return "document_url";
  if ("referenceIds" in chunk) return "reference";
  if ("fileId" in chunk) return "tool" in chunk ? "tool_file" : "file";
  if ("thinking" in chunk) return "thinking";
  if ("inputAudio" in chunk) return "input_audio";
  if ("tool" in chunk) return "tool_reference";
  return undefined;
}

/**
 * One public chunk → wire. A decoded chunk of unknown type goes back as its
 * `raw` wire object; a chunk of a type this client does not know is sent as
 * given (it can only be in wire form already).
 */
export function encodeContentChunk(chunk: unknown): unknown {
  if (!isObject(chunk)) return chunk;
  switch (publicChunkType(chunk)) {
    case "text":
      return { type: "text", text: fieldsOf<TextChunk>(chunk).text };
    case "image_url":
      return {
        type: "image_url",
        image_url: encodeImageUrl(fieldsOf<ImageURLChunk>(chunk).imageUrl),
      };
    case "document_url": {
      const c = fieldsOf<DocumentURLChunk>(chunk);
      const out: WireObject = { type: "document_url", document_url: c.documentUrl };
      setDefined(out, "document_name", c.documentName);
      return out;
    }
    case "reference":
      return {
        type: "reference",
        reference_ids: fieldsOf<ReferenceChunk>(chunk).referenceIds,
      };
    case "file":
      return { type: "file", file_id: fieldsOf<FileChunk>(chunk).fileId };
    case "thinking":
      return encodeThinkChunk(fieldsOf<ThinkChunk>(chunk));
    case "input_audio":
      return { type: "input_audio", input_audio: chunk.inputAudio };
    case "tool_reference":
      return encodeToolReference(fieldsOf<ToolReferenceChunk>(chunk));
    case "tool_file":
      return encodeToolFile(fieldsOf<ToolFileChunk>(chunk));
    case "UNKNOWN":
      return chunk.isUnknown === true ? chunk.raw : chunk;
    default:
      return chunk;
  }
}

function encodeImageUrl(imageUrl: unknown): unknown {
  if (!isObject(imageUrl)) return imageUrl;
  const out: WireObject = { url: imageUrl.url };
  setDefined(out, "detail", imageUrl.detail);
  return out;
}

function encodeThinkChunk(chunk: Fields<ThinkChunk>): WireObject {
  const out: WireObject = {
    type: "thinking",
    thinking: mapArray(chunk.thinking, encodeContentChunk),
  };
  setDefined(out, "signature", chunk.signature);
  setDefined(out, "closed", chunk.closed);
  return out;
}

function encodeToolReference(chunk: Fields<ToolReferenceChunk>): WireObject {
  const out: WireObject = { type: "tool_reference", tool: chunk.tool, title: chunk.title };
  setDefined(out, "url", chunk.url);
  setDefined(out, "favicon", chunk.favicon);
  setDefined(out, "description", chunk.description);
  setDefined(out, "source", chunk.source);
  return out;
}

function encodeToolFile(chunk: Fields<ToolFileChunk>): WireObject {
  const out: WireObject = { type: "tool_file", tool: chunk.tool, file_id: chunk.fileId };
  setDefined(out, "file_name", chunk.fileName);
  setDefined(out, "file_type", chunk.fileType);
  return out;
}

/** Wire content → public: a string or `null` as is, an array chunk by chunk, anything else `undefined`. */
export function decodeContent(content: unknown): string | ContentChunk[] | null | undefined {
  if (typeof content === "string" || content === null) return content;
  if (!Array.isArray(content)) return undefined;
  const out: ContentChunk[] = [];
  for (let i = 0; i < content.length; i++) out.push(decodeContentChunk(content[i]));
  return out;
}

/** The fallback for a chunk this client cannot map; the wire object is kept in `raw`. */
export function unknownChunk(raw: unknown): UnknownContentChunk {
  return { type: "UNKNOWN", raw, isUnknown: true };
}

/** One wire chunk → public. Never throws; unknown kinds become {@link UnknownContentChunk}. */
export function decodeContentChunk(wire: unknown): ContentChunk {
  if (!isObject(wire)) return unknownChunk(wire);
  switch (wire.type) {
    case "text":
      return { type: "text", text: stringOr(wire.text, "") };
    case "thinking":
      return decodeThinkChunk(wire);
    case "image_url":
      return { type: "image_url", imageUrl: decodeImageUrl(wire.image_url) };
    case "document_url": {
      const out: DocumentURLChunk & { type: "document_url" } = {
        type: "document_url",
        documentUrl: stringOr(wire.document_url, ""),
      };
      if (wire.document_name !== undefined) out.documentName = nullableString(wire.document_name);
      return out;
    }
    case "reference":
      return { type: "reference", referenceIds: decodeReferenceIds(wire.reference_ids) };
    case "file":
      return { type: "file", fileId: stringOr(wire.file_id, "") };
    case "input_audio":
      return { type: "input_audio", inputAudio: stringOr(wire.input_audio, "") };
    case "tool_reference":
      return { ...decodeToolReference(wire), type: "tool_reference" };
    case "tool_file":
      return decodeToolFile(wire);
    default:
      return unknownChunk(wire);
  }
}

function decodeToolFile(wire: WireObject): ToolFileChunk & { type: "tool_file" } {
  const out: ToolFileChunk & { type: "tool_file" } = {
    type: "tool_file",
    tool: stringOr(wire.tool, ""),
    fileId: stringOr(wire.file_id, ""),
  };
  if (wire.file_name !== undefined) out.fileName = nullableString(wire.file_name);
  if (wire.file_type !== undefined) out.fileType = nullableString(wire.file_type);
  return out;
}

function decodeImageUrl(wire: unknown): ImageURLChunk["imageUrl"] {
  if (!isObject(wire)) return stringOr(wire, "");
  const out: Exclude<ImageURLChunk["imageUrl"], string> = { url: stringOr(wire.url, "") };
  if (wire.detail !== undefined) out.detail = nullableString(wire.detail);
  return out;
}

function decodeReferenceIds(wire: unknown): Array<number | string> {
  return Array.isArray(wire) ? (wire as Array<number | string>) : [];
}

function decodeThinkChunk(wire: WireObject): ThinkChunk & { type: "thinking" } {
  const parts = wire.thinking;
  const thinking: Thinking[] = [];
  if (Array.isArray(parts)) {
    for (let i = 0; i < parts.length; i++) thinking.push(decodeThinkingPart(parts[i]));
  }
  const out: ThinkChunk & { type: "thinking" } = { type: "thinking", thinking };
  if (wire.signature !== undefined) out.signature = nullableString(wire.signature);
  if (typeof wire.closed === "boolean") out.closed = wire.closed;
  return out;
}

function decodeThinkingPart(wire: unknown): Thinking {
  if (!isObject(wire)) return unknownChunk(wire);
  switch (wire.type) {
    case "text":
      return { type: "text", text: stringOr(wire.text, "") };
    case "reference":
      return { type: "reference", referenceIds: decodeReferenceIds(wire.reference_ids) };
    case "tool_reference":
      return decodeToolReference(wire);
    default:
      return unknownChunk(wire);
  }
}

function decodeToolReference(wire: WireObject): ToolReferenceChunk {
  const out: ToolReferenceChunk = {
    type: "tool_reference",
    tool: stringOr(wire.tool, ""),
    title: stringOr(wire.title, ""),
  };
  if (wire.url !== undefined) out.url = nullableString(wire.url);
  if (wire.favicon !== undefined) out.favicon = nullableString(wire.favicon);
  if (wire.description !== undefined) out.description = nullableString(wire.description);
  if (wire.source !== undefined) out.source = nullableString(wire.source);
  return out;
}
