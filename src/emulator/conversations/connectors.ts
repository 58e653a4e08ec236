/**
 * The built-in connectors, simulated: which one a prompt calls for (by its
 * words, deterministically), and what it "found": the `tool.execution`
 * entry's arguments and info, and the chunks of the answer that cites it
 * (tool references for searches, a tool file for an image, the output for
 * code).
 *
 * @module
 */
import { writeAnswer } from "../answers/generate-text.js";
import type { Rng } from "../prng.js";
import type { Wire } from "./store.js";

/** The connectors the emulator can run. */
export const connectorNames = [
  "web_search",
  "web_search_premium",
  "code_interpreter",
  "image_generation",
  "document_library",
] as const;

const triggers: Record<string, RegExp> = {
  web_search: /\b(search|latest|news|today|current|recent|who|when|winner|find|look up)\b/i,
  web_search_premium: /\b(search|latest|news|today|current|recent|who|when|winner|find|look up)\b/i,
  code_interpreter: /\b(compute|calculate|run|code|python|plot|sum|average|fibonacci|number)\w*/i,
  image_generation: /\b(draw|image|picture|illustrat\w*|paint|sketch|logo)\b/i,
  document_library: /\b(document|library|file|according|policy|handbook|report)s?\b/i,
};

/** The first of `tools` (wire) that is a connector the prompt calls for; any of them when forced. */
export function pickConnector(
  tools: readonly Wire[],
  prompt: string,
  forced: boolean,
): Wire | undefined {
  const connectors = tools.filter((t) => connectorNames.includes(t.type as never));
  if (forced) return connectors[0];
  return connectors.find((t) => triggers[t.type as string]?.test(prompt));
}

/** Whether the connector's calls wait for the user's confirmation (any `requires_confirmation` entry). */
export function needsConfirmation(tool: Wire): boolean {
  const config = tool.tool_configuration as { requires_confirmation?: unknown } | null | undefined;
  const names = config?.requires_confirmation;
  return Array.isArray(names) && names.length > 0;
}

/** The arguments a connector is called with. */
export function connectorArguments(name: string, prompt: string): string {
  if (name === "code_interpreter") return JSON.stringify({ code: codeFor(prompt) });
  if (name === "image_generation") return JSON.stringify({ prompt });
  return JSON.stringify({ query: prompt.slice(0, 200) });
}

/** A connector's run: its `info`, and the content chunks of an answer that cites it. */
export function runConnector(name: string, prompt: string, rng: Rng): { info: Wire; cite: Wire[] } {
  if (name === "code_interpreter") {
    const code = codeFor(prompt);
    const output = `[${fibonacci(countIn(prompt)).join(", ")}]\n`;
    return {
      info: { code, code_output: output },
      cite: [{ type: "text", text: `The code printed: ${output.trim()}.` }],
    };
  }
  if (name === "image_generation") {
    const file = {
      type: "tool_file",
      tool: name,
      file_id: crypto.randomUUID(),
      file_name: "image_generated_0",
      file_type: "png",
    };
    return { info: {}, cite: [file] };
  }
  const topic =
    writeAnswer(prompt, rng.fork("source")).split(/[.!?]/)[0]?.slice(0, 60) || "Overview";
  const source = name === "document_library" ? undefined : "brave";
  const refs = [1, 2].map((n) => ({
    type: "tool_reference",
    tool: name,
    title: `${topic} (${name === "document_library" ? "document" : "source"} ${n})`,
    url: name === "document_library" ? null : `https://example.com/${rng.int(1000, 9999)}/${n}`,
    ...(source ? { source } : {}),
  }));
  return { info: {}, cite: refs };
}

/** How many numbers the prompt asks for (10 unless it says, at most 50). */
function countIn(prompt: string): number {
  return Math.min(50, Math.max(1, Number(/\b(\d{1,2})\b/.exec(prompt)?.[1] ?? 10)));
}

function codeFor(prompt: string): string {
  const n = countIn(prompt);
  return `def fibonacci(n):\n    seq = [0, 1]\n    while len(seq) < n:\n        seq.append(seq[-1] + seq[-2])\n    return seq[:n]\n\nprint(fibonacci(${n}))`;
}

function fibonacci(n: number): number[] {
  const seq = [0, 1];
  while (seq.length < n) seq.push((seq.at(-1) as number) + (seq.at(-2) as number));
  return seq.slice(0, n);
}
