/**
 * The request shapes of embeddings, classifiers, OCR, speech and batch jobs,
 * as the spec gives them, for the API's 422 answers.
 *
 * @module
 */
import { message, responseFormat } from "./schemas.js";
import {
  bool,
  byType,
  type Check,
  dict,
  enumOf,
  int,
  list,
  model,
  nullable,
  num,
  str,
  tagged,
} from "./validate.js";

const texts = byType({ string: str, array: list(str) });

/** `POST /v1/embeddings`. */
export const embeddingRequest: Check = model(
  "EmbeddingRequest",
  {
    model: str,
    metadata: nullable(dict),
    input: texts,
    output_dimension: nullable(int({ gt: 0 })),
    output_dtype: enumOf("float", "int8", "uint8", "binary", "ubinary"),
    encoding_format: enumOf("float", "base64"),
  },
  ["model", "input"],
);

/** `POST /v1/moderations` and `/v1/classifications`. */
export const classificationRequest: Check = model(
  "ClassificationRequest",
  { model: str, metadata: nullable(dict), input: texts },
  ["model", "input"],
);

const conversation = list(message);

/** `POST /v1/chat/moderations`. */
export const chatModerationRequest: Check = model(
  "ChatModerationRequest",
  {
    input: (v, loc, out) =>
      Array.isArray(v) && Array.isArray(v[0])
        ? list(conversation)(v, loc, out)
        : conversation(v, loc, out),
    model: str,
  },
  ["input", "model"],
);

const instruct = model("InstructRequest", { messages: conversation }, ["messages"]);

/** `POST /v1/chat/classifications`. */
export const chatClassificationRequest: Check = model(
  "ChatClassificationRequest",
  { model: str, input: byType({ object: instruct, array: list(instruct) }) },
  ["input", "model"],
);

const documentChunk = tagged("type", {
  document_url: model(
    "DocumentURLChunk",
    { type: str, document_url: str, document_name: nullable(str) },
    ["document_url"],
  ),
  image_url: model(
    "ImageURLChunk",
    { type: str, image_url: byType({ string: str, object: dict }) },
    ["image_url"],
  ),
  file: model("FileChunk", { type: str, file_id: str }, ["file_id"]),
});

/** `POST /v1/ocr`. */
export const ocrRequest: Check = model(
  "OCRRequest",
  {
    model: nullable(str),
    document: documentChunk,
    pages: nullable(byType({ string: str, array: list(int({ ge: 0 })) })),
    include_image_base64: nullable(bool),
    image_limit: nullable(int({ ge: 0 })),
    image_min_size: nullable(int({ ge: 0 })),
    bbox_annotation_format: nullable(responseFormat),
    document_annotation_format: nullable(responseFormat),
    document_annotation_prompt: nullable(str),
    table_format: nullable(enumOf("markdown", "html")),
    extract_header: bool,
    extract_footer: bool,
    include_blocks: bool,
    confidence_scores_granularity: nullable(enumOf("page", "word")),
  },
  ["model", "document"],
);

/** `POST /v1/audio/speech` (extra fields allowed, as in the spec). */
export const speechRequest: Check = model(
  "SpeechRequest",
  {
    model: nullable(str),
    metadata: nullable(dict),
    stream: bool,
    prompt_cache_key: nullable(str),
    voice_id: nullable(str),
    ref_audio: nullable(str),
    input: str,
    response_format: enumOf("pcm", "wav", "mp3", "flac", "opus"),
  },
  ["input"],
  "allow",
);

/** `POST /v1/batch/jobs`. */
export const batchJobRequest: Check = model(
  "CreateBatchJobRequest",
  {
    input_files: nullable(list(str)),
    requests: nullable(
      list(model("BatchRequest", { custom_id: nullable(str), body: dict }, ["body"])),
    ),
    endpoint: str,
    model: nullable(str),
    agent_id: nullable(str),
    metadata: nullable(dict),
    timeout_hours: num({ gt: 0 }),
  },
  ["endpoint"],
);
