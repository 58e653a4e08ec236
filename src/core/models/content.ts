/**
 * Content chunks: the pieces a message's `content` array is made of.
 *
 * Names and shapes follow `@mistralai/mistralai`, so code written against the
 * official SDK compiles unchanged. In a {@link ContentChunk} union the `type`
 * discriminator is required; the standalone chunk types keep it optional, as
 * the official SDK does.
 *
 * @module
 */

/** Plain text. Wire: `{type: "text", text}`. */
export interface TextChunk {
  /** Discriminator, `"text"`. */
  type?: "text" | undefined;
  /** The text. */
  text: string;
}

/** How closely a vision model should look at an image. Open: unknown values pass through. */
export type ImageDetail = "low" | "auto" | "high" | (string & {});
/** The values of {@link ImageDetail}, as in `@mistralai/mistralai`. */
export const ImageDetail = { Low: "low", Auto: "auto", High: "high" } as const;

/** An image reference with an optional detail level. */
export interface ImageURL {
  /** An `https:` URL or a `data:` URL with base64 image bytes. */
  url: string;
  /** Detail level; wire `detail`. */
  detail?: ImageDetail | null | undefined;
}

/** The value of {@link ImageURLChunk.imageUrl}: an object or a bare URL string. */
export type ImageUrlUnion = ImageURL | string;

/** An image. Wire: `{type: "image_url", image_url}`. */
export interface ImageURLChunk {
  /** Discriminator, `"image_url"`. */
  type?: "image_url" | undefined;
  /** The image, as `{url, detail?}` or a bare URL; wire `image_url`. */
  imageUrl: ImageURL | string;
}

/** A document to read by URL. Wire: `{type: "document_url", document_url, document_name?}`. */
export interface DocumentURLChunk {
  /** Discriminator, `"document_url"`. */
  type?: "document_url" | undefined;
  /** URL of the document; wire `document_url`. */
  documentUrl: string;
  /** Display name of the document; wire `document_name`. */
  documentName?: string | null | undefined;
}

/** One reference id: numeric or textual. */
export type ReferenceId = number | string;

/** Citations of earlier tool results. Wire: `{type: "reference", reference_ids}`. */
export interface ReferenceChunk {
  /** Discriminator, `"reference"`. */
  type?: "reference" | undefined;
  /** Ids of the referenced results; wire `reference_ids`. */
  referenceIds: Array<number | string>;
}

/** An uploaded file. Wire: `{type: "file", file_id}`. */
export interface FileChunk {
  /** Discriminator, `"file"`. */
  type?: "file" | undefined;
  /** Id of the uploaded file; wire `file_id`. */
  fileId: string;
}

/** Names of the built-in connectors. Open: unknown values pass through. */
export type BuiltInConnectors =
  | "web_search"
  | "web_search_premium"
  | "code_interpreter"
  | "image_generation"
  | "document_library"
  | (string & {});

/** The official enum-like values of {@link BuiltInConnectors}. */
export const BuiltInConnectors = {
  WebSearch: "web_search",
  WebSearchPremium: "web_search_premium",
  CodeInterpreter: "code_interpreter",
  ImageGeneration: "image_generation",
  DocumentLibrary: "document_library",
} as const;

/** The `tool` of a {@link ToolReferenceChunk}. */
export type ToolReferenceChunkTool = BuiltInConnectors | string;

/** A source a built-in tool consulted, as it appears inside thinking. */
export interface ToolReferenceChunk {
  /** Discriminator, `"tool_reference"`. */
  type?: "tool_reference" | undefined;
  /** The tool that produced the reference. */
  tool: BuiltInConnectors | string;
  /** Title of the source. */
  title: string;
  /** URL of the source. */
  url?: string | null | undefined;
  /** Icon URL of the source. */
  favicon?: string | null | undefined;
  /** Short description of the source. */
  description?: string | null | undefined;
  /** Where the tool found it (`"brave"` for web search); sent by the API though not in its spec. */
  source?: string | null | undefined;
}

/**
 * One element of {@link ThinkChunk.thinking}. Decoded elements of a type this
 * client does not know come as {@link UnknownContentChunk}.
 */
export type Thinking = ToolReferenceChunk | TextChunk | ReferenceChunk | UnknownContentChunk;

/**
 * A reasoning model's thinking. Wire:
 * `{type: "thinking", thinking: [{type: "text", text}, …], signature?, closed?}`.
 */
export interface ThinkChunk {
  /** Discriminator, `"thinking"`. */
  type?: "thinking" | undefined;
  /** The thinking, as text (and reference) parts. */
  thinking: Array<Thinking>;
  /** Opaque signature some models attach to their thinking. */
  signature?: string | null | undefined;
  /** Whether this block of thinking is finished. */
  closed?: boolean | undefined;
}

/** A file a built-in tool made (an image, a chart …). Wire: `{type: "tool_file", tool, file_id, file_name?, file_type?}`. */
export interface ToolFileChunk {
  /** Discriminator, `"tool_file"`. */
  type?: "tool_file" | undefined;
  /** The tool that made it. */
  tool: BuiltInConnectors | string;
  /** Id of the file; wire `file_id`. */
  fileId: string;
  /** Its name; wire `file_name`. */
  fileName?: string | null | undefined;
  /** Its type (`"png"` …); wire `file_type`. */
  fileType?: string | null | undefined;
}

/** Audio input for audio-capable models. Wire: `{type: "input_audio", input_audio}`. */
export interface AudioChunk {
  /** Discriminator, `"input_audio"`. */
  type: "input_audio";
  /** Base64 audio bytes or a URL; wire `input_audio`. */
  inputAudio: string;
}

/**
 * A content chunk of a type this client does not know, as decoded from a
 * response: the original wire object is kept in `raw` (it is sent back as is if
 * the chunk is put into a later request). Same shape as the official SDK's
 * forward-compatible fallback.
 */
export interface UnknownContentChunk {
  /** Always `"UNKNOWN"`; the real type is `raw.type`. */
  type: "UNKNOWN";
  /** The chunk exactly as it came off the wire (snake_case). */
  raw: unknown;
  /** Marks the fallback. */
  isUnknown: true;
}

/** Any chunk of a user, assistant or tool message's content array. */
export type ContentChunk =
  | (ImageURLChunk & { type: "image_url" })
  | (DocumentURLChunk & { type: "document_url" })
  | (TextChunk & { type: "text" })
  | (ReferenceChunk & { type: "reference" })
  | (FileChunk & { type: "file" })
  | (ThinkChunk & { type: "thinking" })
  | (ToolReferenceChunk & { type: "tool_reference" })
  | (ToolFileChunk & { type: "tool_file" })
  | AudioChunk
  | UnknownContentChunk;

/** The chunks a system message's content array may hold. */
export type SystemMessageContentChunks =
  | (TextChunk & { type: "text" })
  | (ThinkChunk & { type: "thinking" });
