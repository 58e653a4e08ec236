/**
 * A conversation as the chat planner sees it: its entries (and the turn's
 * outputs so far) as chat messages, and the user's last words.
 *
 * @module
 */
import type { WireMessage } from "../answers/conversation.js";
import type { Wire } from "./store.js";
import type { OutputPlan, Part } from "./turn.js";

/** The conversation as chat messages, for the chat planner (the turn's outputs so far included). */
export function chatMessages(
  instructions: unknown,
  entries: readonly Wire[],
  outputs: readonly OutputPlan[],
): WireMessage[] {
  const messages: WireMessage[] = [];
  if (typeof instructions === "string" && instructions !== "")
    messages.push({ role: "system", content: instructions });
  const planned = new Map(outputs.map((o) => [o.entry, o.parts]));
  // Call ids are random; the planner sees them renamed by order, so that the
  // same conversation gets the same answer.
  const callIds = new Map<unknown, string>();
  const callId = (id: unknown): string => {
    if (!callIds.has(id)) callIds.set(id, `call${callIds.size}`);
    return callIds.get(id) as string;
  };
  for (const e of [...entries, ...outputs.map((o) => o.entry)]) {
    if (e.type === "message.input" || e.type === undefined) {
      messages.push({
        role: e.role === "assistant" ? "assistant" : "user",
        content: e.content,
        ...(e.prefix === true ? { prefix: true } : {}),
      });
    } else if (e.type === "message.output")
      messages.push({ role: "assistant", content: e.content });
    else if (e.type === "function.call") {
      const args = typeof e.arguments === "string" ? e.arguments : JSON.stringify(e.arguments);
      const call = {
        id: callId(e.tool_call_id),
        function: { name: String(e.name), arguments: args },
      };
      messages.push({ role: "assistant", content: "", tool_calls: [call] });
    } else if (e.type === "function.result") {
      messages.push({
        role: "tool",
        tool_call_id: callId(e.tool_call_id),
        content: String(e.result),
      });
    } else if (e.type === "tool.execution") {
      messages.push({
        role: "tool",
        name: String(e.name),
        content: toolSummary(e, planned.get(e)),
      });
    }
  }
  return messages;
}

/** What a built-in tool's run gave, in words: its output, or the titles of what it found. */
function toolSummary(entry: Wire, parts: readonly Part[] | undefined): string {
  const info = (entry.info ?? {}) as Wire;
  if (typeof info.code_output === "string") return info.code_output;
  const found = (parts ?? []).flatMap((p) => ("chunk" in p ? [p.chunk] : []));
  const titles = found.map((c) => c.title ?? c.file_name).filter((t) => typeof t === "string");
  return titles.length > 0 ? titles.join("; ") : `${String(entry.name)} ran`;
}

/** The text of the last user message. */
export function lastPrompt(entries: readonly Wire[]): string {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as Wire;
    if ((e.type === "message.input" || e.type === undefined) && e.role === "user")
      return textOf(e.content);
  }
  return "";
}

/** Whether the conversation ends with the user's words (only then do connectors run unasked). */
export function lastIsUser(entries: readonly Wire[]): boolean {
  const last = entries.at(-1);
  return (
    last !== undefined &&
    (last.type === "message.input" || last.type === undefined) &&
    last.role === "user"
  );
}

/** The text of a message's content: a string, or its text chunks joined. */
function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((c) => (typeof (c as Wire).text === "string" ? (c as Wire).text : ""))
    .join("");
}
