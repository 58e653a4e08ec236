/**
 * Chat messages, both ways, dispatched on `role`.
 *
 * @module
 */

import type { AssistantMessage, ToolMessage } from "../models/index.js";
import { decodeContent, encodeContent } from "./content.js";
import { decodeToolCalls, encodeToolCalls } from "./tools.js";
import { type Fields, fieldsOf, isObject, mapArray, setDefined, type WireObject } from "./wire.js";

/** Public message list → wire. */
export function encodeMessages(messages: unknown): unknown {
  return mapArray(messages, encodeMessage);
}

/**
 * One public message → wire. Only the fields of its role are sent. A message
 * without `role` is an assistant message (the only role the official types let
 * be omitted; the server needs the discriminator, so `"assistant"` is sent). A
 * message of an unknown role is mapped with the assistant fields, its `role`
 * sent as given.
 */
export function encodeMessage(message: unknown): unknown {
  if (!isObject(message)) return message;
  switch (message.role) {
    case "system":
    case "user": {
      const out: WireObject = { role: message.role };
      setDefined(out, "content", encodeContent(message.content));
      return out;
    }
    case "tool":
      return encodeToolMessage(fieldsOf<ToolMessage>(message));
    default:
      return encodeAssistantMessage(fieldsOf<AssistantMessage>(message));
  }
}

function encodeToolMessage(message: Fields<ToolMessage>): WireObject {
  const out: WireObject = { role: message.role };
  setDefined(out, "content", encodeContent(message.content));
  setDefined(out, "tool_call_id", message.toolCallId);
  setDefined(out, "name", message.name);
  return out;
}

function encodeAssistantMessage(message: Fields<AssistantMessage>): WireObject {
  const out: WireObject = { role: message.role ?? "assistant" };
  setDefined(out, "content", encodeContent(message.content));
  setDefined(out, "tool_calls", encodeToolCalls(message.toolCalls));
  setDefined(out, "prefix", message.prefix);
  return out;
}

/**
 * Wire assistant message (of a non-stream choice) → public. `role` is always
 * `"assistant"` and `prefix` defaults to `false`, as in the official SDK, so
 * the message can go straight back into the next request.
 */
export function decodeAssistantMessage(wire: WireObject): AssistantMessage & { role: "assistant" } {
  return {
    role: "assistant",
    content: decodeContent(wire.content),
    toolCalls: decodeToolCalls(wire.tool_calls),
    prefix: typeof wire.prefix === "boolean" ? wire.prefix : false,
  };
}
