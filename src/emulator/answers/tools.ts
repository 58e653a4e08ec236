/**
 * Decides whether an answer is a tool call, which tools it calls, and with
 * what arguments. The decision is deterministic: a tool is "relevant" when
 * words of its name or description appear in the prompt.
 *
 * - `tool_choice: "none"`: never call.
 * - `"auto"` (default): call when the conversation ends with a user message
 *   and at least one tool is relevant.
 * - `"any"` / `"required"`: always call (the most relevant tool, or the first).
 * - `{function: {name}}`: call that tool.
 *
 * Several tools are called at once (parallel calls) only when the prompt names
 * two or more of them verbatim and `parallel_tool_calls` is not `false`.
 *
 * @module
 */
import { generateFromSchema } from "../json-schema/generate.js";
import type { PromptHints } from "../json-schema/prompt-hints.js";
import type { Rng } from "../prng.js";
import { toModelJson } from "./python-json.js";

/** A function tool as sent in `tools`. */
export interface FunctionTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** A tool call to answer with (before it gets an id). */
export interface PlannedCall {
  name: string;
  arguments: string;
}

/** The parts of the request that steer tool calls. */
export interface ToolRequest {
  tools?: unknown;
  tool_choice?: unknown;
  parallel_tool_calls?: boolean;
}

const ignoredWords = new Set([
  "get",
  "set",
  "the",
  "tool",
  "function",
  "call",
  "use",
  "data",
  "value",
  "for",
  "with",
  "and",
]);

/** Lists the function tools of a request. */
export function readFunctionTools(tools: unknown): FunctionTool[] {
  if (!Array.isArray(tools)) return [];
  return tools
    .filter(
      (t) =>
        (t as { type?: string }).type === undefined || (t as { type?: string }).type === "function",
    )
    .map((t) => {
      const f = (
        t as {
          function: { name: string; description?: string; parameters?: Record<string, unknown> };
        }
      ).function;
      return { name: f.name, description: f.description ?? "", parameters: f.parameters ?? {} };
    });
}

/** Chooses the tools to call (possibly none). */
export function chooseTools(
  request: ToolRequest,
  prompt: string,
  lastRole: string,
): FunctionTool[] {
  const tools = readFunctionTools(request.tools);
  const choice = request.tool_choice ?? "auto";
  if (tools.length === 0 || choice === "none") return [];
  if (typeof choice === "object" && choice !== null) {
    const name = (choice as { function?: { name?: string } }).function?.name;
    return tools.filter((t) => t.name === name).slice(0, 1);
  }
  const text = prompt.toLowerCase();
  const scored = tools.map((tool) => ({ tool, score: scoreTool(tool, text) }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const forced = choice === "any" || choice === "required";
  if (!forced && (lastRole !== "user" || best.score === 0)) return [];
  const named = tools.filter((t) => text.includes(t.name.toLowerCase()));
  if (request.parallel_tool_calls !== false && named.length >= 2) return named;
  return [best.tool];
}

/** How strongly a prompt points at a tool: name words count double, description words once. */
function scoreTool(tool: FunctionTool, prompt: string): number {
  const words = (s: string) =>
    s
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3 && !ignoredWords.has(w));
  const present = (w: string) => prompt.includes(w.slice(0, Math.max(4, w.length - 2)));
  const nameScore = words(tool.name).filter(present).length * 2;
  const descriptionScore = new Set(
    words(tool.description).filter((w) => w.length > 3 && present(w)),
  ).size;
  return nameScore + descriptionScore + (prompt.includes(tool.name.toLowerCase()) ? 5 : 0);
}

/** Generates the arguments of each call; they validate against the tool's `parameters` schema. */
export function planCalls(
  tools: readonly FunctionTool[],
  rng: Rng,
  hints: PromptHints,
): PlannedCall[] {
  return tools.map((tool) => {
    const schema = tool.parameters;
    const objectSchema =
      schema.type === undefined && schema.properties === undefined
        ? { ...schema, type: "object" }
        : schema;
    const value = generateFromSchema(objectSchema, rng.fork(tool.name), hints);
    const args = value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
    return { name: tool.name, arguments: toModelJson(args) };
  });
}
