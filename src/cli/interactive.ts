/**
 * The interactive conversation (`mistral-stream chat` on a terminal).
 *
 * Keys: Enter sends; Ctrl-C during an answer stops it (the partial answer is
 * kept in the history, so the model knows what it had said); Ctrl-C at the
 * prompt clears the line, or, on an empty line, shows how to leave — a second
 * Ctrl-C in a row leaves (exit 130); Ctrl-D or `/exit` leaves (exit 0).
 *
 * While an answer streams the terminal is put back in cooked mode, so Ctrl-C
 * arrives as a real SIGINT and whatever the user types is kept for the next
 * prompt instead of being echoed through the answer.
 *
 * @module
 */

import { createInterface, type Interface } from "node:readline";
import {
  type ChatCompletionRequestMessage,
  type Mistral,
  MistralError,
  RequestAbortedError,
} from "../core/index.js";
import type { ChatArgs } from "./args.js";
import type { CliIO } from "./chat-command.js";
import { describeError, ExitCode, type ExitCodeValue } from "./exit-codes.js";
import { AnswerRenderer, colorEnabled, dim } from "./render.js";
import { buildRequest, startConversation, streamAnswer } from "./stream-answer.js";

/** Runs the conversation until the user leaves; resolves with the exit code. */
export async function runInteractive(
  client: Mistral,
  args: ChatArgs,
  io: CliIO,
): Promise<ExitCodeValue> {
  const color = colorEnabled(io.stdout, io.env);
  const reader = new PromptReader(io.stdin, io.stdout.isTTY ? io.stdout : io.stderr);
  let answering: AbortController | undefined;
  // SIGINT reaches the process only while an answer streams (cooked mode) or
  // when sent from outside: stop the answer, or leave.
  const onSigint = (): void => {
    if (answering) answering.abort();
    else reader.leave(ExitCode.interrupted);
  };
  process.on("SIGINT", onSigint);
  io.stderr.write(
    dim(
      `mistral-stream: chatting with ${args.model}. Ctrl-C stops an answer; Ctrl-D or /exit leaves.\n`,
      color,
    ),
  );
  const messages = startConversation(args);
  try {
    for (;;) {
      const line = await reader.read();
      if (line === null) break;
      const text = line.trim();
      if (text === "") continue;
      if (text === "/exit" || text === "/quit") break;
      messages.push({ role: "user", content: line });
      answering = new AbortController();
      reader.pauseForAnswer();
      const answer = await runTurn(client, args, messages, io, answering.signal);
      answering = undefined;
      if (answer) messages.push({ role: "assistant", content: answer });
      else messages.pop(); // no answer: forget the question, so turns keep alternating
    }
  } finally {
    process.off("SIGINT", onSigint);
    reader.close();
  }
  return reader.exitCode;
}

/** One question and its answer; resolves with the answer text (partial if stopped). */
async function runTurn(
  client: Mistral,
  args: ChatArgs,
  messages: ChatCompletionRequestMessage[],
  io: CliIO,
  signal: AbortSignal,
): Promise<string> {
  const color = colorEnabled(io.stdout, io.env);
  const renderer = new AnswerRenderer({
    stdout: io.stdout,
    stderr: io.stderr,
    color,
    json: args.json,
  });
  try {
    const record = await streamAnswer(client, buildRequest(args, messages), renderer, {
      signal,
      statsTo: args.stats ? io.stderr : undefined,
      notesTo: io.stderr,
      resume: args.resume,
    });
    return record.text;
  } catch (error) {
    if (!(error instanceof MistralError)) throw error;
    const stopped = error instanceof RequestAbortedError;
    io.stderr.write(
      stopped
        ? `${dim("[stopped]", colorEnabled(io.stderr, io.env))}\n`
        : `mistral-stream: ${describeError(error)}\n`,
    );
    return renderer.record().text;
  }
}

/** Reads prompt lines with readline, queueing lines that arrive while an answer streams. */
class PromptReader {
  readonly #rl: Interface;
  readonly #input: CliIO["stdin"];
  readonly #output: NodeJS.WritableStream;
  readonly #lines: string[] = [];
  #wake: (() => void) | undefined;
  #closed = false;
  #sigintArmed = false;
  /** The exit code once the user leaves. */
  exitCode: ExitCodeValue = ExitCode.ok;

  constructor(input: CliIO["stdin"], output: NodeJS.WritableStream) {
    this.#input = input;
    this.#output = output;
    this.#rl = createInterface({ input, output, terminal: true, prompt: "> ", historySize: 200 });
    this.#rl.on("line", (line) => {
      this.#sigintArmed = false;
      this.#lines.push(line);
      this.#wake?.();
    });
    this.#rl.on("close", () => {
      this.#closed = true;
      this.#wake?.();
    });
    this.#rl.on("SIGINT", () => this.#onPromptSigint());
  }

  /** The next line, or `null` once the user has left. */
  async read(): Promise<string | null> {
    if (this.#lines.length === 0 && !this.#closed) {
      this.#input.setRawMode?.(true);
      this.#rl.resume();
      this.#rl.prompt();
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = undefined;
    }
    return this.#lines.shift() ?? null;
  }

  /** Hands the terminal back to the kernel while an answer streams (see the module doc). */
  pauseForAnswer(): void {
    this.#rl.pause();
    this.#input.setRawMode?.(false);
  }

  /** Leaves with `code` (a pending {@link read} resolves `null`). */
  leave(code: ExitCodeValue): void {
    this.exitCode = code;
    this.#lines.length = 0;
    this.#rl.close();
  }

  close(): void {
    this.#rl.close();
  }

  #onPromptSigint(): void {
    if (this.#rl.line.length > 0) {
      // Clear the typed line, as shells do.
      this.#rl.write(null, { ctrl: true, name: "e" });
      this.#rl.write(null, { ctrl: true, name: "u" });
      this.#sigintArmed = false;
      return;
    }
    if (this.#sigintArmed) {
      this.#output.write("\n");
      this.leave(ExitCode.interrupted);
      return;
    }
    this.#sigintArmed = true;
    this.#output.write("\n(To leave, press Ctrl-C again or Ctrl-D, or type /exit)\n");
    this.#rl.prompt();
  }
}
