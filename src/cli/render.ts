/**
 * Terminal output of an answer: the text as it arrives, reasoning models'
 * thinking (dimmed on a colour terminal, on stderr otherwise), `--json` lines,
 * and the `--stats` line.
 *
 * @module
 */

import type { CompletionEvent, StreamStats } from "../core/index.js";

/** A writable text stream (`process.stdout` and friends). */
export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/**
 * Colour only on a terminal, and never when `NO_COLOR` is set to a non-empty
 * value (https://no-color.org).
 */
export function colorEnabled(stream: TextSink, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/** Wraps `text` in the dim attribute; each piece is closed on its own so an abort never leaves the terminal dim. */
export function dim(text: string, color: boolean): string {
  return color ? `\x1b[2m${text}\x1b[22m` : text;
}

/** How an answer is shown. */
export interface RenderOptions {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Colour on stdout (thinking is then shown dimmed inline). */
  readonly color: boolean;
  /** `--json`: one line of JSON per event, nothing else on stdout. */
  readonly json: boolean;
}

/** What an answer's events carried, for the history and the notes (the stats are the stream's own). */
export interface AnswerRecord {
  /** The answer text (thinking excluded). */
  readonly text: string;
  /** Why choice 0 ended, once the server said. */
  readonly finishReason: string | undefined;
}

/** Writes one streamed answer; feed it every event, then call {@link AnswerRenderer.finish}. */
export class AnswerRenderer {
  readonly #options: RenderOptions;
  #text = "";
  #lastKind: "none" | "thinking" | "text" = "none";
  /** Whether stdout / stderr were left in the middle of a line. */
  #stdoutOpen = false;
  #stderrOpen = false;
  #finishReason: string | undefined;

  constructor(options: RenderOptions) {
    this.#options = options;
  }

  /** Shows one event. */
  write(event: CompletionEvent): void {
    const chunk = event.data;
    if (this.#options.json) this.#options.stdout.write(`${JSON.stringify(chunk)}\n`);
    const choice = chunk.choices[0];
    if (choice?.finishReason) this.#finishReason = choice.finishReason;
    const content = choice?.delta.content;
    if (content === undefined || content === null || content === "") return;
    if (typeof content === "string") {
      this.#writeText(content);
      return;
    }
    for (const part of content) {
      if (part.type === "text" && typeof part.text === "string") this.#writeText(part.text);
      else if (part.type === "thinking" && Array.isArray(part.thinking)) {
        for (const piece of part.thinking) {
          if (piece.type === "text" && typeof piece.text === "string")
            this.#writeThinking(piece.text);
        }
      }
    }
  }

  /** Ends the output cleanly: the answer (and any thinking on stderr) ends with a newline. */
  finish(): AnswerRecord {
    const { stdout, stderr } = this.#options;
    if (this.#stderrOpen) stderr.write("\n");
    if (this.#stdoutOpen) stdout.write("\n");
    this.#stdoutOpen = this.#stderrOpen = false;
    return this.record();
  }

  /** What arrived so far. */
  record(): AnswerRecord {
    return {
      text: this.#text,
      finishReason: this.#finishReason,
    };
  }

  #writeText(text: string): void {
    if (text === "") return;
    const { stdout, stderr, json, color } = this.#options;
    this.#text += text;
    if (json) return;
    if (this.#lastKind === "thinking") {
      // Separate the thinking from the answer where the thinking was shown.
      if (color) stdout.write("\n\n");
      else if (this.#stderrOpen) stderr.write("\n");
      this.#stderrOpen = false;
    }
    this.#lastKind = "text";
    stdout.write(text);
    this.#stdoutOpen = !text.endsWith("\n");
  }

  #writeThinking(text: string): void {
    if (text === "") return;
    const { stdout, stderr, json, color } = this.#options;
    if (json) return;
    this.#lastKind = "thinking";
    if (color) {
      stdout.write(dim(text, true));
      this.#stdoutOpen = !text.endsWith("\n");
    } else {
      stderr.write(text);
      this.#stderrOpen = !text.endsWith("\n");
    }
  }
}

/** The `--stats` line, from the stream's own statistics: time to first token, throughput, usage, gaps. */
export function formatStats(stats: StreamStats): string {
  const parts: string[] = [];
  const first = stats.timeToFirstTokenMs;
  parts.push(first === undefined ? "no tokens" : `first token ${Math.round(first)} ms`);
  const usage = stats.usage;
  if (first !== undefined) {
    const seconds = (stats.durationMs - first) / 1000;
    const count = usage ? usage.completionTokens : stats.events;
    const unit = usage ? "tokens" : "chunks";
    const rate = seconds > 0 ? (count / seconds).toFixed(1) : "∞";
    parts.push(`${rate} ${unit}/s (${count} ${unit} in ${seconds.toFixed(2)} s)`);
  }
  parts.push(
    usage
      ? `usage: ${usage.promptTokens} prompt + ${usage.completionTokens} completion = ${usage.totalTokens} tokens`
      : "usage: not reported",
  );
  parts.push(`longest gap ${Math.round(stats.longestGapMs)} ms`);
  if (stats.retries) parts.push(`${stats.retries} ${stats.retries === 1 ? "retry" : "retries"}`);
  if (stats.resumes) parts.push(`${stats.resumes} ${stats.resumes === 1 ? "resume" : "resumes"}`);
  return `stats: ${parts.join(", ")}`;
}
