/**
 * `completionArgs` both ways, and the tools of an agent or a conversation
 * as the server returns them. JSON Schemas pass untouched.
 *
 * @module
 */

import type { CompletionArgs, ConversationTool, Prediction } from "../models/index.js";
import { encodeResponseFormat } from "./chat-request.js";
import { fieldsOf, isObject, setDefined, type WireObject } from "./wire.js";

// public name → wire name, for the fields that are plain values.
const plainArgs: ReadonlyArray<readonly [keyof CompletionArgs, string]> = [
  ["stop", "stop"],
  ["presencePenalty", "presence_penalty"],
  ["frequencyPenalty", "frequency_penalty"],
  ["temperature", "temperature"],
  ["topP", "top_p"],
  ["maxTokens", "max_tokens"],
  ["randomSeed", "random_seed"],
  ["toolChoice", "tool_choice"],
  ["reasoningEffort", "reasoning_effort"],
];

/** Public `completionArgs` → wire `completion_args`. */
export function encodeCompletionArgs(args: unknown): unknown {
  if (!isObject(args)) return args;
  const a = fieldsOf<CompletionArgs>(args);
  const out: WireObject = {};
  for (const [name, wire] of plainArgs) setDefined(out, wire, a[name]);
  if (isObject(a.prediction)) {
    const p = fieldsOf<Prediction>(a.prediction);
    out.prediction = { type: p.type, content: p.content };
  } else setDefined(out, "prediction", a.prediction);
  setDefined(out, "response_format", encodeResponseFormat(a.responseFormat));
  return out;
}

/** Wire `completion_args` → public. */
export function decodeCompletionArgs(wire: unknown): CompletionArgs | undefined {
  if (!isObject(wire)) return undefined;
  const out: WireObject = {};
  for (const [name, key] of plainArgs) setDefined(out, name, wire[key]);
  setDefined(out, "prediction", wire.prediction);
  setDefined(out, "responseFormat", decodeResponseFormat(wire.response_format));
  return out as CompletionArgs;
}

function decodeResponseFormat(wire: unknown): unknown {
  if (!isObject(wire)) return wire;
  const out: WireObject = { type: wire.type };
  const schema = wire.json_schema;
  if (isObject(schema)) {
    const js: WireObject = { name: schema.name };
    setDefined(js, "description", schema.description);
    setDefined(js, "schemaDefinition", schema.schema);
    setDefined(js, "strict", schema.strict);
    out.jsonSchema = js;
  } else setDefined(out, "jsonSchema", schema);
  return out;
}

/** The wire tools of an agent or a conversation → public; a tool of an unknown type as sent. */
export function decodeConversationTools(wire: unknown): ConversationTool[] | undefined {
  if (!Array.isArray(wire)) return undefined;
  return wire.map((tool: unknown) => decodeTool(tool) as ConversationTool);
}

function decodeTool(tool: unknown): unknown {
  if (!isObject(tool)) return tool;
  const out: WireObject = { type: tool.type };
  if (tool.type === "function") {
    const fn = isObject(tool.function) ? tool.function : {};
    const f: WireObject = { name: fn.name };
    setDefined(f, "description", fn.description);
    setDefined(f, "strict", fn.strict);
    setDefined(f, "parameters", fn.parameters);
    out.function = f;
    return out;
  }
  if (tool.type === "document_library") setDefined(out, "libraryIds", tool.library_ids);
  if (tool.type === "connector") {
    setDefined(out, "connectorId", tool.connector_id);
    setDefined(out, "authorization", tool.authorization);
  }
  const config = tool.tool_configuration;
  if (isObject(config)) {
    const c: WireObject = {};
    setDefined(c, "exclude", config.exclude);
    setDefined(c, "include", config.include);
    setDefined(c, "requiresConfirmation", config.requires_confirmation);
    out.toolConfiguration = c;
  } else setDefined(out, "toolConfiguration", config);
  return out;
}
