/**
 * Puts a chat completion back together from its stream chunks: the response
 * `chat.complete()` would have returned, built as the chunks arrive, so a
 * snapshot is available at any moment and the final response costs nothing
 * more at the end.
 *
 * Per chunk it appends strings and merges the rare tool-call and thinking
 * pieces; the response object itself is only built when asked for.
 *
 * @module
 */

import type {
  ChatCompletionResponse,
  CompletionChunk,
  ContentChunk,
  ThinkChunk,
  ToolCall,
  UsageInfo,
} from "../models/index.js";

/**
 * One piece of a structured answer, in arrival order. Text and thinking
 * pieces are the snapshot's own objects (appended to); others are kept as sent.
 */
type Part = ContentChunk;

/** What one choice has received. */
interface ChoiceState {
  readonly index: number;
  /** The pieces before the current text run, in order (empty for a string-only answer). */
  readonly parts: Part[];
  /**
   * The text since the last other piece: the per-token path appends here, to
   * one string, and a thinking or other piece moves it into `parts` first.
   */
  text: string;
  /** Whether a chunk array arrived: the content is then an array, as the non-stream endpoint gives it. */
  structured: boolean;
  readonly toolCalls: ToolCall[];
  finishReason: string | null;
}

/** Builds the response of a chat, FIM or agents stream from its chunks. */
export class ChatSnapshot {
  #id = "";
  #model = "";
  #created = 0;
  #usage: UsageInfo | undefined;
  /** By choice index (dense for the usual `0…n-1`). */
  readonly #choices: ChoiceState[] = [];
  /** Answer characters of every choice so far (thinking excluded). */
  answerChars = 0;
  /** Thinking characters of every choice so far. */
  reasoningChars = 0;

  /** Adds one chunk. */
  add(chunk: CompletionChunk): void {
    if (this.#id === "") this.#id = chunk.id;
    if (this.#model === "") this.#model = chunk.model;
    if (this.#created === 0 && chunk.created !== undefined) this.#created = chunk.created;
    if (chunk.usage) this.#usage = chunk.usage;
    const choices = chunk.choices;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i];
      if (choice === undefined) continue;
      const state = this.#choices[choice.index] ?? this.#newChoice(choice.index);
      const delta = choice.delta;
      const content = delta.content;
      if (typeof content === "string") {
        // The per-token case, kept inline: one append, one count.
        state.text += content;
        this.answerChars += content.length;
      } else if (Array.isArray(content)) this.#addChunks(state, content);
      if (delta.toolCalls) mergeToolCalls(state.toolCalls, delta.toolCalls);
      if (choice.finishReason !== null) state.finishReason = choice.finishReason;
    }
  }

  /** The last usage block seen. */
  get usage(): UsageInfo | undefined {
    return this.#usage;
  }

  /** Choice 0's answer text so far. */
  text(): string {
    const first = this.#choices[0];
    return first ? textOf(first) : "";
  }

  /** The response so far, as `chat.complete()` gives it (a fresh object each call). */
  response(): ChatCompletionResponse {
    // Indexed by choice index: `filter` skips the holes and keeps the order.
    const choices = this.#choices.filter((c) => c);
    return {
      id: this.#id,
      object: "chat.completion",
      model: this.#model,
      usage: this.#usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      created: this.#created,
      choices: choices.map((c) => ({
        index: c.index,
        message: {
          role: "assistant",
          content: c.structured ? structuredContent(c) : textOf(c),
          toolCalls: c.toolCalls.length ? c.toolCalls.map(copyCall) : null,
          prefix: false,
        },
        finishReason: c.finishReason ?? "",
      })),
    };
  }

  #newChoice(index: number): ChoiceState {
    const state = {
      index,
      parts: [],
      text: "",
      structured: false,
      toolCalls: [],
      finishReason: null,
    };
    this.#choices[index] = state;
    return state;
  }

  #addChunks(state: ChoiceState, chunks: ContentChunk[]): void {
    state.structured = true;
    for (const chunk of chunks) {
      if (chunk.type === "text") {
        state.text += chunk.text;
        this.answerChars += chunk.text.length;
        continue;
      }
      // Another piece ends the text run, which goes into the parts before it.
      if (state.text !== "") {
        state.parts.push({ type: "text", text: state.text });
        state.text = "";
      }
      if (chunk.type === "thinking") this.#addThinking(state.parts, chunk);
      else state.parts.push(chunk);
    }
  }

  /** Consecutive thinking chunks form one, their consecutive text pieces one text. */
  #addThinking(parts: Part[], chunk: ThinkChunk): void {
    let into = parts.at(-1);
    if (into?.type !== "thinking") {
      into = { type: "thinking", thinking: [] };
      parts.push(into);
    }
    for (const piece of chunk.thinking) {
      const previous = into.thinking.at(-1);
      if (piece.type === "text") {
        this.reasoningChars += piece.text.length;
        if (previous?.type === "text") {
          into.thinking[into.thinking.length - 1] = {
            type: "text",
            text: previous.text + piece.text,
          };
          continue;
        }
      }
      into.thinking.push({ ...piece });
    }
    if (chunk.signature != null) into.signature = chunk.signature;
    if (chunk.closed !== undefined) into.closed = chunk.closed;
  }
}

/** A choice's answer text: its text pieces and the current run, joined. */
function textOf(state: ChoiceState): string {
  const parts = state.parts;
  if (parts.length === 0) return state.text;
  return parts.map((p) => (p.type === "text" ? p.text : "")).join("") + state.text;
}

/** A structured choice's content: its pieces, then the current text run. */
function structuredContent(state: ChoiceState): ContentChunk[] {
  const content = state.parts.flatMap(partToChunk);
  if (state.text !== "") content.push({ type: "text", text: state.text });
  return content;
}

/** A part as the response shows it: a copy of the snapshot's own pieces, empty text left out. */
function partToChunk(part: Part): ContentChunk[] {
  if (part.type === "text") return part.text ? [{ type: "text", text: part.text }] : [];
  if (part.type === "thinking") return [{ ...part, thinking: part.thinking.slice() }];
  return [part];
}

function copyCall(call: ToolCall): ToolCall {
  return { ...call, function: { ...call.function } };
}

/**
 * Merges streamed tool calls into `calls`, in every form the wire uses: whole
 * calls (with or without `index`), and fragments whose id and name come only
 * on the first (later ones carry `name: ""` and no id). The id `"null"` (the
 * API's default) counts as no id.
 */
function mergeToolCalls(calls: ToolCall[], deltas: ToolCall[]): void {
  for (const delta of deltas) {
    const id = delta.id && delta.id !== "null" ? delta.id : undefined;
    const target = findCall(calls, delta, id);
    if (target === undefined) {
      // The four keys of a decoded call, in its order (`undefined` where never sent).
      const { name, arguments: args } = delta.function;
      const call: ToolCall = {
        id,
        type: delta.type,
        function: { name, arguments: args },
        index: delta.index,
      };
      calls.push(call);
      continue;
    }
    if (id !== undefined && target.id === undefined) target.id = id;
    if (delta.type !== undefined && target.type === undefined) target.type = delta.type;
    if (!target.function.name && delta.function.name) target.function.name = delta.function.name;
    target.function.arguments = joinArguments(target.function.arguments, delta.function.arguments);
  }
}

/** The call a delta continues, if any: same `index` (and no other id), else an id-less, name-less fragment continues the last call. */
function findCall(
  calls: ToolCall[],
  delta: ToolCall,
  id: string | undefined,
): ToolCall | undefined {
  if (delta.index !== undefined) {
    const same = calls.find((c) => c.index === delta.index);
    if (same && (id === undefined || same.id === undefined || same.id === id)) return same;
    return undefined;
  }
  if (id !== undefined) return calls.find((c) => c.id === id);
  return delta.function.name ? undefined : calls.at(-1);
}

function joinArguments(
  before: ToolCall["function"]["arguments"],
  more: ToolCall["function"]["arguments"],
): ToolCall["function"]["arguments"] {
  if (typeof more !== "string") return more;
  if (typeof before !== "string") return more === "" ? before : more;
  return before + more;
}
