/**
 * The CLI's exit codes and the mapping from errors to them. Scripts branch on
 * these, so they are part of the CLI's contract:
 *
 * | code | meaning                                                             |
 * | ---- | ------------------------------------------------------------------- |
 * | 0    | success                                                             |
 * | 1    | unexpected failure (a bug, or a server answer that made no sense)   |
 * | 2    | usage error: bad command, option or value                           |
 * | 3    | API error: the server answered with an HTTP error status, or        |
 * |      | reported an error inside the stream                                 |
 * | 4    | network failure, timeout, or a stream cut before its end            |
 * | 130  | interrupted (SIGINT / Ctrl-C)                                       |
 *
 * @module
 */

import {
  ConnectionError,
  InvalidRequestError,
  MistralError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKError,
  StreamError,
  StreamServerError,
} from "../core/index.js";

/** Exit codes of `mistral-stream`. */
export const ExitCode = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  api: 3,
  network: 4,
  interrupted: 130,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A bad command line. Its message is shown as is, followed by a hint to `--help`. */
export class UsageError extends Error {
  override name = "UsageError";
  /** The command whose help the hint points to (`undefined`: the top level). */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

/** Picks the exit code for an error that ended a command. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof UsageError || error instanceof InvalidRequestError) return ExitCode.usage;
  if (error instanceof RequestAbortedError) return ExitCode.interrupted;
  if (error instanceof SDKError || error instanceof StreamServerError) return ExitCode.api;
  if (
    error instanceof ConnectionError ||
    error instanceof RequestTimeoutError ||
    error instanceof StreamError ||
    error instanceof ResponseValidationError
  ) {
    return ExitCode.network;
  }
  return ExitCode.unexpected;
}

/**
 * One line describing an error for stderr. Expected failures get their own
 * message (with the request id when the server sent one); only an unexpected
 * error gets its stack, because then it is a bug worth reporting.
 */
export function describeError(error: unknown): string {
  if (error instanceof MistralError) {
    const id = error.requestId ? ` (request id ${error.requestId})` : "";
    return `${error.message}${id}`;
  }
  if (error instanceof UsageError) return error.message;
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
