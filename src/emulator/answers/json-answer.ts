/**
 * Answers for `response_format`: `json_object` echoes a JSON object found in
 * the prompt (the usual "return exactly this JSON" case) or describes the
 * topic as a small object; `json_schema` generates a value valid against the
 * given schema.
 *
 * @module
 */

import { generateFromSchema } from "../json-schema/generate.js";
import type { PromptHints } from "../json-schema/prompt-hints.js";
import type { Rng } from "../prng.js";
import { writeAnswer } from "./generate-text.js";
import { toModelJson } from "./python-json.js";
import { readTopic } from "./topic.js";

/** A JSON object text for `json_object` mode. */
export function writeJsonObject(prompt: string, rng: Rng): string {
  const found = findJsonObject(prompt);
  if (found !== undefined) return toModelJson(found);
  const topic = readTopic(prompt);
  const sentence = writeAnswer(prompt, rng).split(/(?<=[.!?])\s/)[0] ?? "";
  return toModelJson({ topic: topic.phrase, answer: sentence, confidence: rng.int(60, 99) / 100 });
}

/** A JSON text valid against `schema`, for `json_schema` mode. */
export function writeJsonForSchema(schema: unknown, rng: Rng, hints: PromptHints): string {
  return toModelJson(generateFromSchema(schema, rng, hints));
}

/** The first `{...}` in a text that parses as a JSON object. */
function findJsonObject(text: string): Record<string, unknown> | undefined {
  if (text.length > 20000) return undefined;
  let start = text.indexOf("{");
  let attempts = 0;
  while (start >= 0 && attempts < 200) {
    for (
      let end = text.lastIndexOf("}");
      end > start && attempts < 200;
      end = text.lastIndexOf("}", end - 1)
    ) {
      attempts++;
      try {
        const value: unknown = JSON.parse(text.slice(start, end + 1));
        if (value !== null && typeof value === "object" && !Array.isArray(value)) {
          return value as Record<string, unknown>;
        }
      } catch {
        // Not this span; try a shorter one.
      }
    }
    start = text.indexOf("{", start + 1);
  }
  return undefined;
}
