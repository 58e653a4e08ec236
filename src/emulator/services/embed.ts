/**
 * Embeddings the way a retrieval demo needs them offline: feature hashing of
 * words and word pairs into the model's real dimension, signed and
 * normalised, so texts sharing words get close vectors (cosine) and the
 * same text always gets the same vector.
 *
 * @module
 */
import { hashString } from "../prng.js";

/** The embedding models: their default and largest dimensions. */
export const embeddingModels: Readonly<Record<string, { dimension: number; max: number }>> = {
  "mistral-embed": { dimension: 1024, max: 1024 },
  "mistral-embed-2312": { dimension: 1024, max: 1024 },
  "codestral-embed": { dimension: 1536, max: 3072 },
  "codestral-embed-2505": { dimension: 1536, max: 3072 },
};

/** The words of a text, lower-cased, with a crude stem (plural and -ing/-ed endings cut). */
function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) =>
    w.length > 4 ? w.replace(/(ing|ed|es|s)$/, "") : w,
  );
}

/** The unit vector of `text` in `dimension` components. */
export function embedText(text: string, dimension: number): number[] {
  const vector = new Array<number>(dimension).fill(0);
  const features = words(text);
  const add = (feature: string, weight: number) => {
    const h = hashString(feature);
    vector[h % dimension]! += (h & 0x80000000 ? -1 : 1) * weight;
  };
  for (let i = 0; i < features.length; i++) {
    add(features[i]!, 1);
    if (i > 0) add(`${features[i - 1]} ${features[i]}`, 0.5);
  }
  // A faint, text-specific background so no vector is all zeros.
  add(`#${text}`, 0.05);
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => Math.round((v / norm) * 1e6) / 1e6);
}

/** `vector` in the asked component type (`int8`/`uint8` scale, `binary`/`ubinary` pack sign bits). */
export function quantize(vector: readonly number[], dtype: string): number[] {
  if (dtype === "int8")
    return vector.map((v) => Math.max(-128, Math.min(127, Math.round(v * 127))));
  if (dtype === "uint8") return vector.map((v) => Math.round((v + 1) * 127.5));
  if (dtype !== "binary" && dtype !== "ubinary") return [...vector];
  const packed: number[] = [];
  for (let i = 0; i < vector.length; i += 8) {
    let byte = 0;
    for (let b = 0; b < 8; b++) if ((vector[i + b] ?? 0) > 0) byte |= 0x80 >> b;
    packed.push(dtype === "binary" ? byte - 128 : byte);
  }
  return packed;
}

/** The base64 form of a vector: float32 (little-endian) or one byte per component. */
export function base64Vector(vector: readonly number[], dtype: string): string {
  if (dtype === "float") return Buffer.from(new Float32Array(vector).buffer).toString("base64");
  return Buffer.from(vector.map((v) => v & 0xff)).toString("base64");
}
