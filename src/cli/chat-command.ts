/**
 * `mistral-stream chat`: one answer (prompt from the arguments or piped
 * stdin), or an interactive conversation on a terminal.
 *
 * @module
 */

import type { Mistral } from "../core/index.js";
import type { ChatArgs } from "./args.js";
import { connect } from "./connect.js";
import { ExitCode, type ExitCodeValue, UsageError } from "./exit-codes.js";
import { runInteractive } from "./interactive.js";
import { AnswerRenderer, colorEnabled } from "./render.js";
import { buildRequest, startConversation, streamAnswer } from "./stream-answer.js";

/** The process's streams and environment, passed in so commands never reach for globals. */
export interface CliIO {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Runs `chat`; rejects with the typed error that ended it (the caller maps it to an exit code). */
export async function runChat(args: ChatArgs, io: CliIO): Promise<ExitCodeValue> {
  const interactive = args.prompt === undefined && io.stdin.isTTY === true;
  const prompt = interactive ? undefined : (args.prompt ?? (await readPipedPrompt(io.stdin)));
  if (prompt === undefined) {
    const connection = await connect(args.serverURL, io.env, io.stderr);
    try {
      return await runInteractive(connection.client, args, io);
    } finally {
      await connection.close();
    }
  }
  const interrupt = new AbortController();
  // A first Ctrl-C stops the answer cleanly (exit 130); a second one does not wait.
  const onSigint = (): void => {
    if (interrupt.signal.aborted) process.exit(ExitCode.interrupted);
    interrupt.abort();
  };
  process.on("SIGINT", onSigint);
  try {
    const connection = await connect(args.serverURL, io.env, io.stderr);
    try {
      await answerOnce(connection.client, args, prompt, io, interrupt.signal);
      return ExitCode.ok;
    } finally {
      await connection.close();
    }
  } finally {
    process.off("SIGINT", onSigint);
  }
}

/** Streams the answer to a single prompt. */
async function answerOnce(
  client: Mistral,
  args: ChatArgs,
  prompt: string,
  io: CliIO,
  signal: AbortSignal,
): Promise<void> {
  const renderer = new AnswerRenderer({
    stdout: io.stdout,
    stderr: io.stderr,
    color: colorEnabled(io.stdout, io.env),
    json: args.json,
  });
  const messages = startConversation(args);
  messages.push({ role: "user", content: prompt });
  await streamAnswer(client, buildRequest(args, messages), renderer, {
    signal,
    statsTo: args.stats ? io.stderr : undefined,
    notesTo: io.stderr,
    resume: args.resume,
  });
}

/** Reads the whole of piped stdin as the prompt. */
async function readPipedPrompt(stdin: NodeJS.ReadStream): Promise<string> {
  stdin.setEncoding("utf8");
  let text = "";
  for await (const chunk of stdin) text += chunk as string;
  if (text.trim() === "") throw new UsageError("no prompt: stdin was empty", "chat");
  return text.replace(/\r?\n$/, "");
}
