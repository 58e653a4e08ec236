/**
 * OCR over what the document has: the text of a PDF's pages (its text
 * operators, deflated streams included), a text or markdown file's pages
 * (split at form feeds), an image as one page with the image in it, or, for
 * a document known only by its URL, a page named after it. Annotations are
 * generated against their JSON schemas.
 *
 * @module
 */
import { inflateSync } from "node:zlib";
import { bodySentences } from "../answers/corpus.js";
import { writeJsonForSchema } from "../answers/json-answer.js";
import { readPromptHints } from "../json-schema/prompt-hints.js";
import { createRng, hashString } from "../prng.js";

/** A document as the request gives it: its bytes and media type when they came along. */
export interface OcrDocument {
  readonly name: string;
  readonly bytes: Buffer | undefined;
  readonly type: string;
}

/** One page before rendering: its markdown, and whether it is an image. */
interface Page {
  readonly markdown: string;
  readonly image: boolean;
}

/** A PDF string literal's text (escapes undone). */
function pdfString(literal: string): string {
  return literal.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) =>
    /^[0-7]/.test(c)
      ? String.fromCharCode(Number.parseInt(c, 8))
      : (({ n: "\n", r: "\r", t: "\t", b: "", f: "" } as Record<string, string>)[c] ?? c),
  );
}

/** The text of one PDF content stream: its `Tj` / `TJ` strings, a line per text block. */
function streamText(content: string): string {
  const blocks = content.match(/BT[\s\S]*?ET/g) ?? [];
  return blocks
    .map((block) =>
      [...block.matchAll(/\((?:\\.|[^\\)])*\)/g)].map((m) => pdfString(m[0].slice(1, -1))).join(""),
    )
    .filter((line) => line.trim() !== "")
    .join("\n\n");
}

/** The pages of a PDF: one per content stream that has text. */
function pdfPages(bytes: Buffer): Page[] {
  const text = bytes.toString("latin1");
  const pages: Page[] = [];
  for (const m of text.matchAll(/<<([\s\S]*?)>>\s*stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) continue;
    let content = text.slice(start, end);
    if (/\/FlateDecode/.test(m[1] ?? "")) {
      try {
        content = inflateSync(bytes.subarray(start, end)).toString("latin1");
      } catch {
        continue;
      }
    }
    if (/\bBT\b/.test(content)) pages.push({ markdown: streamText(content), image: false });
  }
  const declared = (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
  while (pages.length < declared) pages.push({ markdown: "", image: false });
  return pages;
}

/** The pages of `document`. */
export function readPages(document: OcrDocument): Page[] {
  const { bytes, type, name } = document;
  if (bytes && (type === "application/pdf" || bytes.subarray(0, 5).toString() === "%PDF-"))
    return pdfPages(bytes);
  if (bytes && type.startsWith("image/"))
    return [{ markdown: "![img-0.jpeg](img-0.jpeg)", image: true }];
  if (bytes && (type.startsWith("text/") || /json|markdown/.test(type))) {
    return bytes
      .toString("utf8")
      .split("\f")
      .map((markdown) => ({ markdown: markdown.trim(), image: false }));
  }
  const rng = createRng(hashString(name));
  const title = name.replace(/^.*\//, "").replace(/\.[a-z0-9]+$/i, "") || "Document";
  const body = [rng.pick(bodySentences), rng.pick(bodySentences)]
    .join(" ")
    .replace(/\{topic\}/g, title);
  return [{ markdown: `# ${title}\n\n${body}`, image: false }];
}

/** The pages asked for (`pages`: indexes, or text like `"0-2,5"`), of `count`. */
export function selectPages(pages: unknown, count: number): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  if (Array.isArray(pages)) return all.filter((i) => pages.includes(i));
  if (typeof pages !== "string" || pages.trim() === "") return all;
  const wanted = new Set<number>();
  for (const part of pages.split(",")) {
    const [a, b] = part.split("-").map((n) => Number(n.trim()));
    for (let i = a ?? 0; i <= (b ?? a ?? 0); i++) wanted.add(i);
  }
  return all.filter((i) => wanted.has(i));
}

/** The wire page `index` of `page`. */
export function renderPage(page: Page, index: number): Record<string, unknown> {
  const images = page.image
    ? [
        {
          id: "img-0.jpeg",
          top_left_x: 0,
          top_left_y: 0,
          bottom_right_x: 1000,
          bottom_right_y: 1000,
          image_base64: null,
        },
      ]
    : [];
  return {
    index,
    markdown: page.markdown,
    images,
    tables: [],
    hyperlinks: [...page.markdown.matchAll(/https?:\/\/[^\s)>\]]+/g)].map((m) => m[0]),
    header: null,
    footer: null,
    dimensions: { dpi: 200, height: 2200, width: 1700 },
  };
}

/** An annotation (JSON text) valid against a `response_format`'s schema, from the pages' text. */
export function annotate(format: unknown, text: string): string | null {
  const schema = (format as { json_schema?: { schema?: unknown } } | null)?.json_schema?.schema;
  if (schema === undefined) return null;
  return writeJsonForSchema(schema, createRng(hashString(text)), readPromptHints(text));
}
