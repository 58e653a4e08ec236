/**
 * Chooses string values for generated JSON: by `format` when it is a common
 * one, otherwise by what the property is called (a `city` gets a place name
 * from the prompt, a `query` gets the question), clipped to min/maxLength.
 *
 * @module
 */
import type { Rng } from "../prng.js";
import type { PromptHints } from "./prompt-hints.js";

const places = ["Paris", "London", "Tokyo", "San Francisco", "Lisbon", "Montreal"];
const names = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Marie Curie"];
/** A prompt asking about places. */
const placeWords = /\b(cit(y|ies)|towns?|capitals?|countr(y|ies)|places?|destinations?)\b/i;
const words = [
  "harbor",
  "orchard",
  "lantern",
  "meadow",
  "summit",
  "river",
  "cobalt",
  "ember",
  "willow",
];

/** A string for a property called `name` under keywords `s`. */
export function pickString(
  s: Record<string, unknown>,
  name: string,
  rng: Rng,
  hints: PromptHints,
): string {
  const value = byFormat(s.format, rng) ?? byName(name.toLowerCase(), rng, hints);
  return fitLength(value, s, rng);
}

function byFormat(format: unknown, rng: Rng): string | undefined {
  const day = String(rng.int(1, 28)).padStart(2, "0");
  const month = String(rng.int(1, 12)).padStart(2, "0");
  switch (format) {
    case "date-time":
      return `2025-${month}-${day}T${String(rng.int(0, 23)).padStart(2, "0")}:30:00Z`;
    case "date":
      return `2025-${month}-${day}`;
    case "time":
      return `${String(rng.int(0, 23)).padStart(2, "0")}:30:00`;
    case "email":
      return `${rng.pick(["alex", "sam", "robin"])}@example.com`;
    case "uri":
    case "url":
      return `https://example.com/${rng.pick(words)}`;
    case "uuid": {
      const hex = () => Math.floor(rng.next() * 16).toString(16);
      const part = (n: number) => Array.from({ length: n }, hex).join("");
      return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
    }
    default:
      return undefined;
  }
}

function byName(name: string, rng: Rng, hints: PromptHints): string {
  if (/city|location|place|town|country|region|destination/.test(name)) {
    return hints.takePhrase() ?? rng.pick(places);
  }
  if (
    /query|question|prompt|search|text|message|content|summary|description|input|note/.test(name)
  ) {
    const text = hints.text.replace(/\s+/g, " ").trim();
    return text.length > 0 ? text.slice(0, 120) : "example";
  }
  if (/name|title|label|author|user/.test(name)) {
    // "Give me a city" with `{ name, population }`: the name is a place's, not a person's.
    const aboutPlaces = /^name$/.test(name) && placeWords.test(hints.text);
    return hints.takePhrase() ?? rng.pick(aboutPlaces ? places : names);
  }
  if (/email/.test(name)) return "alex@example.com";
  if (/url|link|uri|href/.test(name)) return `https://example.com/${rng.pick(words)}`;
  if (/date|day/.test(name)) return `2025-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
  if (/(^|_)id$|identifier/.test(name)) return rng.int(0x10000000, 0xffffffff).toString(16);
  if (/unit/.test(name)) return rng.pick(["celsius", "fahrenheit"]);
  if (/lang/.test(name)) return rng.pick(["en", "fr", "de"]);
  return rng.pick(words);
}

function fitLength(value: string, s: Record<string, unknown>, rng: Rng): string {
  let out = value;
  const min = typeof s.minLength === "number" ? s.minLength : 0;
  while (Array.from(out).length < min) out += ` ${rng.pick(words)}`;
  if (typeof s.maxLength === "number")
    out = Array.from(out).slice(0, Math.max(s.maxLength, 0)).join("");
  return Array.from(out).length < min ? out.padEnd(min, "x") : out;
}
