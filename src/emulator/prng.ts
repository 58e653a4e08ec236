/**
 * Seeded randomness and wire ids. Answers must be reproducible from the
 * request alone, so every random choice flows from one seed derived from a
 * hash of the request; ids stay truly random like the real API's.
 *
 * @module
 */
import { randomBytes } from "node:crypto";

/** A small deterministic random source. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** An independent stream for a named purpose, so adding draws in one place does not shift another. */
  fork(label: string | number): Rng;
}

/** 32-bit FNV-1a over the UTF-16 code units of a string, mixed with a seed. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A final avalanche so nearby inputs give unrelated seeds.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Creates a mulberry32 generator: tiny, fast and good enough for picking words. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
    fork: (label) => createRng(hashString(String(label), seed)),
  };
}

/** A shuffled copy (Fisher-Yates) driven by a seeded source. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Serialises a JSON value with sorted object keys, so that two requests that
 * differ only in key order hash to the same seed.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** A response id like the API's: 32 lowercase hex characters. */
export function createResponseId(): string {
  return randomBytes(16).toString("hex");
}

const alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A tool-call id like the API's: 9 letters and digits. */
export function createToolCallId(): string {
  const bytes = randomBytes(9);
  let id = "";
  for (const byte of bytes) id += alphanumerics[byte % alphanumerics.length];
  return id;
}
