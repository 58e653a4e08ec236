/**
 * Tools, tool choice and tool calls, both ways. JSON Schemas (`parameters`)
 * and object-valued `arguments` are free-form: passed through untouched.
 *
 * @module
 */

import type {
  CustomConnector,
  DocumentLibraryTool,
  FunctionCall,
  FunctionT,
  ToolCall,
  ToolChoice,
  ToolConfiguration,
} from "../models/index.js";
import {
  type Fields,
  fieldsOf,
  isObject,
  mapArray,
  numberOr,
  setDefined,
  stringOr,
  type WireObject,
} from "./wire.js";

/** Public tool list → wire. */
export function encodeTools(tools: unknown): unknown {
  return mapArray(tools, encodeTool);
}

/**
 * One public tool → wire, by its `type`. A tool without `type` but with a
 * `function` is a function tool (the server's default); a tool of a type this
 * client does not know is sent as given.
 */
export function encodeTool(tool: unknown): unknown {
  if (!isObject(tool)) return tool;
  switch (tool.type) {
    case undefined:
      if (tool.function === undefined) return tool;
      return encodeFunctionTool(tool);
    case "function":
      return encodeFunctionTool(tool);
    case "web_search":
    case "web_search_premium":
    case "code_interpreter":
    case "image_generation":
      return withToolConfiguration({ type: tool.type }, tool.toolConfiguration);
    case "document_library": {
      const t = fieldsOf<DocumentLibraryTool>(tool);
      return withToolConfiguration(
        { type: t.type, library_ids: t.libraryIds },
        t.toolConfiguration,
      );
    }
    case "connector":
      return encodeConnector(fieldsOf<CustomConnector>(tool));
    default:
      return tool;
  }
}

function encodeFunctionTool(tool: WireObject): WireObject {
  const out: WireObject = {};
  setDefined(out, "type", tool.type);
  out.function = encodeFunction(tool.function);
  return out;
}

function encodeFunction(fn: unknown): unknown {
  if (!isObject(fn)) return fn;
  const f = fieldsOf<FunctionT>(fn);
  const out: WireObject = {};
  setDefined(out, "name", f.name);
  setDefined(out, "description", f.description);
  setDefined(out, "strict", f.strict);
  setDefined(out, "parameters", f.parameters);
  return out;
}

function encodeConnector(tool: Fields<CustomConnector>): WireObject {
  const out: WireObject = { type: tool.type };
  setDefined(out, "connector_id", tool.connectorId);
  const auth = tool.authorization;
  if (isObject(auth)) out.authorization = { type: auth.type, value: auth.value };
  else setDefined(out, "authorization", auth);
  return withToolConfiguration(out, tool.toolConfiguration);
}

function withToolConfiguration(out: WireObject, config: unknown): WireObject {
  if (!isObject(config)) {
    setDefined(out, "tool_configuration", config);
    return out;
  }
  const c = fieldsOf<ToolConfiguration>(config);
  const wire: WireObject = {};
  setDefined(wire, "exclude", c.exclude);
  setDefined(wire, "include", c.include);
  setDefined(wire, "requires_confirmation", c.requiresConfirmation);
  out.tool_configuration = wire;
  return out;
}

/** Public `toolChoice` → wire: a mode string as is, a forced function by its name. */
export function encodeToolChoice(choice: unknown): unknown {
  if (!isObject(choice)) return choice;
  const c = fieldsOf<ToolChoice>(choice);
  const out: WireObject = {};
  setDefined(out, "type", c.type);
  const fn = c.function;
  out.function = isObject(fn) ? { name: fn.name } : fn;
  return out;
}

/** Public tool calls (of an assistant message) → wire. */
export function encodeToolCalls(calls: unknown): unknown {
  return mapArray(calls, encodeToolCall);
}

function encodeToolCall(call: unknown): unknown {
  if (!isObject(call)) return call;
  const c = fieldsOf<ToolCall>(call);
  const out: WireObject = {};
  setDefined(out, "id", c.id);
  setDefined(out, "type", c.type);
  const fn = c.function;
  out.function = isObject(fn) ? encodeFunctionCall(fieldsOf<FunctionCall>(fn)) : fn;
  setDefined(out, "index", c.index);
  return out;
}

function encodeFunctionCall(fn: Fields<FunctionCall>): WireObject {
  const out: WireObject = {};
  setDefined(out, "name", fn.name);
  setDefined(out, "arguments", fn.arguments);
  return out;
}

// Stands in for a tool call that is not an object, so every field takes its default.
const noFields: WireObject = Object.freeze({});

/** Wire tool calls → public; `null` stays `null`, anything else that is not an array is `undefined`. */
export function decodeToolCalls(wire: unknown): ToolCall[] | null | undefined {
  if (!Array.isArray(wire)) return wire === null ? null : undefined;
  const out: ToolCall[] = [];
  for (let i = 0; i < wire.length; i++) out.push(decodeToolCall(wire[i]));
  return out;
}

/**
 * One wire tool call (or fragment) → public. Always the same four keys; `id`,
 * `type` and `index` are `undefined` when the wire left them out, `name` and
 * `arguments` default to `""`.
 */
export function decodeToolCall(wire: unknown): ToolCall {
  const w = isObject(wire) ? wire : noFields;
  return {
    id: stringOr(w.id, undefined),
    type: stringOr(w.type, undefined),
    function: decodeFunctionCall(w.function),
    index: numberOr(w.index, undefined),
  };
}

function decodeFunctionCall(wire: unknown): FunctionCall {
  if (!isObject(wire)) return { name: "", arguments: "" };
  const args = wire.arguments;
  return {
    name: stringOr(wire.name, ""),
    arguments: typeof args === "string" || isObject(args) ? args : "",
  };
}
