/**
 * Fill-in-the-middle answers: a few lines of plausible code that continue the
 * prompt (and lead into the suffix), in the language the prompt looks like.
 *
 * @module
 */
import type { Rng } from "../prng.js";

/** Writes the code that goes between `prompt` and `suffix`. */
export function writeCompletion(prompt: string, suffix: string, rng: Rng): string {
  const python = /\bdef\s+(\w+)\s*\(([^)]*)\)[^:\n]*:\s*$/.exec(prompt);
  if (python) return writePython(python[1] as string, readParams(python[2] as string), suffix, rng);
  const script = /\bfunction\s+(\w+)\s*\(([^)]*)\)\s*\{\s*$/.exec(prompt);
  if (script) return writeScript(script[1] as string, readParams(script[2] as string), rng);
  if (/\bdef\s*$/.test(prompt)) return " add(a, b):\n    return a + b\n";
  const comment = /^\s*(#|\/\/)/m.test(prompt) ? (prompt.includes("#") ? "#" : "//") : "#";
  return rng.pick([
    `\n${comment} Keep this part small and easy to test.\n`,
    `\n${comment} The result is checked again below.\n`,
  ]);
}

function readParams(list: string): string[] {
  return list
    .split(",")
    .map((p) => p.trim().split(/[\s:=]/)[0] ?? "")
    .filter((p) => /^[A-Za-z_]\w*$/.test(p) && p !== "self");
}

function writePython(name: string, params: string[], suffix: string, rng: Rng): string {
  const words = name.replace(/_/g, " ");
  const doc = rng.pick([`Return the ${words} result.`, `Compute ${words} for the given input.`]);
  const expr = params.length >= 2 ? params.join(" + ") : (params[0] ?? "None");
  const tail = suffix.trim() === "" ? "\n" : "\n\n";
  return `\n    """${doc}"""\n    result = ${expr}\n    return result${tail}`;
}

function writeScript(name: string, params: string[], rng: Rng): string {
  const expr = params.length >= 2 ? params.join(" + ") : (params[0] ?? "undefined");
  const note = rng.pick([`// ${name}: combine the inputs.`, "// Keep it simple."]);
  return `\n  ${note}\n  const result = ${expr};\n  return result;\n}\n`;
}
