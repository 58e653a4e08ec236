/**
 * Reads a (validated) conversation: the text of the prompt to answer, the
 * tool results waiting for an answer, a prefix to continue, and how many
 * tokens the whole request is worth.
 *
 * @module
 */
import type { ToolResult } from "./generate-text.js";
import { countTokens } from "./tokenize.js";

/** A message as it arrives on the wire (already validated). */
export interface WireMessage {
  role: "system" | "user" | "assistant" | "tool";
  content?: unknown;
  tool_calls?: { id?: string; function: { name: string } }[] | null;
  tool_call_id?: string | null;
  name?: string | null;
  prefix?: boolean;
}

/** What the answer writer needs to know about a conversation. */
export interface ConversationView {
  /** The text of the last user message. */
  prompt: string;
  /** The role of the last message. */
  lastRole: string;
  /** Results of tools called since the last assistant turn (when the conversation ends with them). */
  toolResults: ToolResult[];
  /** Content of a final assistant message sent with `prefix: true`. */
  prefix: string | undefined;
}

/** Flattens message content (string or chunks) into plain text. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((chunk) => {
      const c = chunk as { type?: string; text?: unknown; thinking?: unknown };
      if (typeof c.text === "string") return c.text;
      if (c.type === "thinking") return contentText(c.thinking);
      return "";
    })
    .join("");
}

/** Reads a conversation. */
export function viewConversation(messages: readonly WireMessage[]): ConversationView {
  const last = messages.at(-1);
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const toolResults: ToolResult[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]?.role === "tool"; i--) {
    const m = messages[i] as WireMessage;
    toolResults.unshift({
      name: m.name ?? findToolName(messages, m.tool_call_id) ?? "tool",
      content: contentText(m.content),
    });
  }
  return {
    prompt: contentText(lastUser?.content),
    lastRole: last?.role ?? "user",
    toolResults,
    prefix:
      last?.role === "assistant" && last.prefix === true ? contentText(last.content) : undefined,
  };
}

function findToolName(
  messages: readonly WireMessage[],
  id: string | null | undefined,
): string | undefined {
  if (!id) return undefined;
  for (const m of messages) {
    const call = m.tool_calls?.find((c) => c.id === id);
    if (call) return call.function.name;
  }
  return undefined;
}

const mediaTypes = new Set<string | undefined>([
  "image_url",
  "document_url",
  "input_audio",
  "file",
]);

/** Estimates prompt tokens: the text of every message plus a little framing, and the tool definitions. */
export function countPromptTokens(messages: readonly WireMessage[], tools: unknown): number {
  let total = 3;
  for (const m of messages) {
    total += 4 + countTokens(contentText(m.content));
    // Images, documents and audio cost far more than their (empty) text.
    if (Array.isArray(m.content))
      total += 64 * m.content.filter((c) => mediaTypes.has((c as { type?: string }).type)).length;
    if (m.tool_calls) total += countTokens(JSON.stringify(m.tool_calls));
  }
  if (Array.isArray(tools) && tools.length > 0) total += countTokens(JSON.stringify(tools));
  return total;
}
