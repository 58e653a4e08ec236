/**
 * The help texts of `mistral-stream`.
 *
 * @module
 */

import { defaultModel } from "./args.js";

const exitCodes = `Exit codes:
  0    success
  1    unexpected failure
  2    usage error (bad command, option or value)
  3    API error (HTTP error status, or an error reported inside the stream)
  4    network failure, timeout, or a stream cut before its end
  130  interrupted (Ctrl-C)`;

const topHelp = `mistral-stream: stream chat answers from the Mistral AI API (or a local emulator)

Usage:
  mistral-stream chat [options] [prompt...]   stream an answer (or chat interactively)
  mistral-stream emulator [options]           run the local API emulator
  mistral-stream help [command]               show help for a command

Options:
  -h, --help       show this help
  -v, --version    print the version

Environment:
  MISTRAL_API_KEY     API key; without it (and without a server URL) chat answers
                      from the emulator, started in-process
  MISTRAL_SERVER_URL  server root to talk to instead of https://api.mistral.ai
  NO_COLOR            set (non-empty) to disable colour

${exitCodes}`;

const chatHelp = `Usage: mistral-stream chat [options] [prompt...]

Streams the answer to stdout as it arrives. The prompt comes from the
arguments (joined by spaces); without them, from stdin when stdin is piped;
without both, on a terminal, an interactive conversation starts:
  Ctrl-C        stops the current answer (the partial answer stays in the history)
  Ctrl-C twice  at the prompt leaves (exit 130); so do Ctrl-D and /exit (exit 0)

Options:
  -m, --model <id>          model (default ${defaultModel})
  -s, --system <text>       system prompt
  -t, --temperature <n>     sampling temperature (e.g. 0.7)
      --max-tokens <n>      cap on the answer's length, in tokens
      --json                print each stream event as one line of JSON (the
                            client's camelCase CompletionChunk) instead of text
      --stats               print time to first token, tokens/s and usage on stderr
      --resume <n>          resume an answer whose stream is cut (reset, cut
                            short, idle) up to n times, from where its text
                            stopped (each resume bills the prompt again)
      --server-url <url>    server root (default: MISTRAL_SERVER_URL, else the
                            Mistral API with MISTRAL_API_KEY, else the emulator)
  -h, --help                show this help

Reasoning models' thinking is shown dimmed on a colour terminal; otherwise it
goes to stderr, so stdout carries the answer only.

${exitCodes}`;

const emulatorHelp = `Usage: mistral-stream emulator [options]

Runs a local, deterministic server that speaks the Mistral API and answers
with generated text. Prints its URL on stdout, logs each request on stderr,
then runs until Ctrl-C or SIGTERM and closes cleanly (exit 0).

Options:
  -p, --port <n>               port (default 0: any free port)
      --host <address>         address to listen on (default 127.0.0.1)
      --allow-remote           allow a non-loopback --host
      --api-key <key>          require "Authorization: Bearer <key>"
      --tokens-per-second <n>  streaming pace (default 60; 0: as fast as possible)
      --ttft-ms <n>            time to first token in ms (default 250)
      --fault <spec>           a fault for every request, e.g. "status=429;count=2"
                               (repeatable)
  -q, --quiet                  do not log requests
  -h, --help                   show this help

Try: MISTRAL_SERVER_URL=<printed URL> mistral-stream chat "Hello"`;

/** The help text of `command` (`undefined`: the top level). */
export function helpText(command: string | undefined): string {
  if (command === "chat") return chatHelp;
  if (command === "emulator") return emulatorHelp;
  return topHelp;
}
