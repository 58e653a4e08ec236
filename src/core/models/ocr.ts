/**
 * OCR (`POST /v1/ocr`): a document (by URL, as a base64 data URL, or an
 * uploaded file) read into markdown pages, images and tables.
 *
 * @module
 */

import type { ResponseFormat } from "./chat-request.js";
import type { DocumentURLChunk, FileChunk, ImageURLChunk } from "./content.js";

/** How tables come back: inline in the markdown, or apart as `markdown` / `html`; wire `table_format`. */
export type TableFormat = "markdown" | "html" | (string & {});

/** The official enum-like values of {@link TableFormat}. */
export const TableFormat = { Markdown: "markdown", Html: "html" } as const;

/** What `ocr.process()` reads: a document or image by URL, or an uploaded file. */
export type DocumentUnion = FileChunk | DocumentURLChunk | ImageURLChunk;

/** What `ocr.process()` sends. */
export interface OCRRequest {
  /** The OCR model, e.g. `"mistral-ocr-latest"`. */
  model: string | null;
  /** The document. */
  document: DocumentUnion;
  /** Which pages (from 0): a list, or the API's range text such as `"0-2"`. */
  pages?: string | Array<number> | null | undefined;
  /** Return the images' bytes too; wire `include_image_base64`. */
  includeImageBase64?: boolean | null | undefined;
  /** At most this many images; wire `image_limit`. */
  imageLimit?: number | null | undefined;
  /** Smallest image (px) to extract; wire `image_min_size`. */
  imageMinSize?: number | null | undefined;
  /** A JSON schema for each image's annotation; wire `bbox_annotation_format`. */
  bboxAnnotationFormat?: ResponseFormat | null | undefined;
  /** A JSON schema for the document's annotation; wire `document_annotation_format`. */
  documentAnnotationFormat?: ResponseFormat | null | undefined;
  /** Instructions for the document annotation; wire `document_annotation_prompt`. */
  documentAnnotationPrompt?: string | null | undefined;
  /** Wire `table_format`. */
  tableFormat?: TableFormat | null | undefined;
  /** Wire `extract_header`. */
  extractHeader?: boolean | undefined;
  /** Wire `extract_footer`. */
  extractFooter?: boolean | undefined;
  /** Return the pages' layout blocks too; wire `include_blocks`. */
  includeBlocks?: boolean | undefined;
  /** `"page"` or `"word"` confidence scores; wire `confidence_scores_granularity`. */
  confidenceScoresGranularity?: "page" | "word" | (string & {}) | null | undefined;
}

/** One image found on a page, with its box (px). */
export interface OCRImageObject {
  /** Its name in the page's markdown (`img-0.jpeg`). */
  id: string;
  topLeftX: number | null;
  topLeftY: number | null;
  bottomRightX: number | null;
  bottomRightY: number | null;
  /** The image as a data URL, when asked for; wire `image_base64`. */
  imageBase64?: string | null | undefined;
  /** Its annotation (JSON text), when a format was given; wire `image_annotation`. */
  imageAnnotation?: string | null | undefined;
}

/** One table taken out of a page's markdown (with `tableFormat`). */
export interface OCRTableObject {
  /** Its name in the page's markdown (`tbl-3.html`). */
  id: string;
  content: string;
  format: TableFormat;
}

/** A page's size. */
export interface OCRPageDimensions {
  dpi: number;
  height: number;
  width: number;
}

/** One page read. */
export interface OCRPageObject {
  /** Page number, from 0. */
  index: number;
  /** The page as markdown. */
  markdown: string;
  images: Array<OCRImageObject>;
  tables?: Array<OCRTableObject> | undefined;
  hyperlinks?: Array<string> | undefined;
  header?: string | null | undefined;
  footer?: string | null | undefined;
  dimensions: OCRPageDimensions | null;
  /** With `confidenceScoresGranularity`, as sent; wire `confidence_scores`. */
  confidenceScores?: { [k: string]: unknown } | null | undefined;
  /** With `includeBlocks`: the layout blocks, as sent. */
  blocks?: Array<{ [k: string]: unknown }> | null | undefined;
}

/** What was processed; wire `usage_info`. */
export interface OCRUsageInfo {
  /** Wire `pages_processed`. */
  pagesProcessed: number;
  /** Wire `doc_size_bytes`. */
  docSizeBytes?: number | null | undefined;
}

/** What `ocr.process()` returns. */
export interface OCRResponse {
  pages: Array<OCRPageObject>;
  model: string;
  /** The document's annotation (JSON text), when a format was given; wire `document_annotation`. */
  documentAnnotation?: string | null | undefined;
  /** Wire `usage_info`. */
  usageInfo: OCRUsageInfo;
}
