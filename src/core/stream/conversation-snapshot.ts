/**
 * The answer of a conversation stream so far, in the shape the non-stream
 * call returns (`ConversationResponse`): one output entry per
 * `outputIndex`, in order. Message text is joined per `contentIndex` (a
 * chunk, such as a tool reference, takes an index of its own), function-call
 * arguments are joined from their deltas, tool executions and handoffs are
 * completed by their `done` events. The response object is only made when
 * asked for.
 *
 * @module
 */

import type {
  AgentHandoffDoneEvent,
  AgentHandoffEntry,
  AgentHandoffStartedEvent,
  ConversationEventsData,
  ConversationResponse,
  ConversationResponseOutput,
  ConversationUsageInfo,
  FunctionCallEntry,
  FunctionCallEvent,
  MessageOutputContentChunks,
  MessageOutputEntry,
  MessageOutputEvent,
  ToolExecutionDeltaEvent,
  ToolExecutionDoneEvent,
  ToolExecutionEntry,
  ToolExecutionStartedEvent,
  UsageInfo,
} from "../models/index.js";

/** One output entry being built; `parts` are a message's content pieces by content index. */
interface Output {
  entry: AgentHandoffEntry | FunctionCallEntry | ToolExecutionEntry | MessageOutputEntry;
  parts?: Array<string | MessageOutputContentChunks>;
}

/** Builds a conversation stream's response from its events. */
export class ConversationSnapshot {
  conversationId = "";
  /** Set by `conversation.response.done`. */
  usage: (ConversationUsageInfo & UsageInfo) | undefined;
  answerChars = 0;
  reasoningChars = 0;
  #text = "";
  readonly #outputs: Output[] = [];
  #doneAt: Date | undefined;

  /** Adds one decoded event. */
  add(data: ConversationEventsData): void {
    switch (data.type) {
      case "conversation.response.started":
        this.conversationId = data.conversationId;
        return;
      case "message.output.delta":
        this.#message(data);
        return;
      case "function.call.delta":
        this.#functionCall(data);
        return;
      case "tool.execution.started":
      case "tool.execution.delta":
      case "tool.execution.done":
        this.#tool(data);
        return;
      case "agent.handoff.started":
      case "agent.handoff.done":
        this.#handoff(data);
        return;
      case "conversation.response.done":
        this.usage = data.usage as ConversationUsageInfo & UsageInfo;
        this.#doneAt = data.createdAt;
        return;
    }
  }

  /** The answer's text so far: every message's text, thinking excluded. */
  text(): string {
    return this.#text;
  }

  /** The response so far, as the non-stream call returns it; `undefined` before any event. */
  response(): ConversationResponse | undefined {
    if (this.conversationId === "" && this.#outputs.length === 0) return undefined;
    const outputs: ConversationResponseOutput[] = [];
    for (const output of this.#outputs) {
      if (!output) continue;
      const entry = { ...output.entry };
      if (output.parts && entry.type === "message.output") entry.content = contentOf(output.parts);
      if (this.#doneAt && entry.completedAt === undefined) entry.completedAt = this.#doneAt;
      outputs.push(entry);
    }
    const usage = this.usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
    return { object: "conversation.response", conversationId: this.conversationId, outputs, usage };
  }

  /** The output at `index`, made by `make` on its first event. */
  #output(index: number, make: () => Output["entry"]): Output {
    let output = this.#outputs[index];
    if (!output) {
      output = { entry: make() };
      this.#outputs[index] = output;
    }
    return output;
  }

  #message(data: MessageOutputEvent): void {
    const output = this.#output(data.outputIndex, () => ({
      ...entryOf(data),
      type: "message.output",
      ...byOf(data),
      role: "assistant",
      content: "",
    }));
    const parts = (output.parts ??= []);
    const at = data.contentIndex;
    const content = data.content;
    const text =
      typeof content === "string" ? content : content.type === "text" ? content.text : undefined;
    if (text !== undefined) {
      this.#text += text;
      this.answerChars += text.length;
      const before = parts[at];
      parts[at] = typeof before === "string" ? before + text : text;
      return;
    }
    if (typeof content !== "string" && content.type === "thinking") {
      for (const piece of content.thinking) {
        if (piece.type === "text") this.reasoningChars += piece.text.length;
      }
    }
    parts[at] = content as MessageOutputContentChunks;
  }

  #functionCall(data: FunctionCallEvent): void {
    const output = this.#output(data.outputIndex, () => ({
      ...entryOf(data),
      type: "function.call",
      ...byOf(data),
      toolCallId: data.toolCallId,
      name: data.name,
      arguments: "",
    }));
    const e = output.entry;
    if (e.type !== "function.call") return;
    e.arguments = `${String(e.arguments)}${data.arguments ?? ""}`;
    if (data.confirmationStatus !== undefined) e.confirmationStatus = data.confirmationStatus;
  }

  #tool(data: ToolExecutionStartedEvent | ToolExecutionDeltaEvent | ToolExecutionDoneEvent): void {
    const output = this.#output(data.outputIndex, () => ({
      ...entryOf(data),
      type: "tool.execution",
      ...(data.type === "tool.execution.started" ? byOf(data) : {}),
      name: data.name,
      arguments: "",
    }));
    const e = output.entry;
    if (e.type !== "tool.execution") return;
    if (data.type === "tool.execution.done") {
      if (data.info !== undefined) e.info = data.info;
      if (data.createdAt) e.completedAt = data.createdAt;
      return;
    }
    // Real `tool.execution.started` events may leave `arguments` out.
    e.arguments += data.arguments ?? "";
  }

  #handoff(data: AgentHandoffStartedEvent | AgentHandoffDoneEvent): void {
    const output = this.#output(data.outputIndex, () => ({
      ...entryOf(data),
      type: "agent.handoff",
      previousAgentId: "",
      previousAgentName: "",
      nextAgentId: "",
      nextAgentName: "",
    }));
    const e = output.entry;
    if (e.type !== "agent.handoff") return;
    if (data.type === "agent.handoff.started") {
      e.previousAgentId = data.previousAgentId;
      e.previousAgentName = data.previousAgentName;
      return;
    }
    e.nextAgentId = data.nextAgentId;
    e.nextAgentName = data.nextAgentName;
    if (data.createdAt) e.completedAt = data.createdAt;
  }
}

/** What the first event of an output says of its entry: time and id. */
function entryOf(data: { createdAt?: Date | undefined; id: string }): {
  object: "entry";
  createdAt?: Date;
  id: string;
} {
  return data.createdAt
    ? { object: "entry", createdAt: data.createdAt, id: data.id }
    : { object: "entry", id: data.id };
}

/** Who made an output, as far as its event says. */
function byOf(data: { model?: string | null | undefined; agentId?: string | null | undefined }) {
  const out: { agentId?: string | null | undefined; model?: string | null | undefined } = {};
  if (data.agentId !== undefined) out.agentId = data.agentId;
  if (data.model !== undefined) out.model = data.model;
  return out;
}

/** A message's content: one string when it is all text at index 0, else chunks in index order. */
function contentOf(
  parts: Array<string | MessageOutputContentChunks>,
): string | MessageOutputContentChunks[] {
  if (parts.length === 1 && typeof parts[0] === "string") return parts[0];
  const chunks: MessageOutputContentChunks[] = [];
  for (const part of parts) {
    if (part === undefined) continue;
    chunks.push(typeof part === "string" ? { type: "text", text: part } : part);
  }
  return chunks;
}
