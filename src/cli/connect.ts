/**
 * Picks the server a chat talks to: `--server-url`, else `MISTRAL_SERVER_URL`,
 * else the Mistral API when `MISTRAL_API_KEY` is set, else the emulator,
 * started in-process on a free loopback port (and said so on stderr).
 * `MISTRAL_DEBUG` writes each request and response to stderr, so that the
 * answer on stdout stays clean.
 *
 * @module
 */

import { Console } from "node:console";
import { Mistral, type SDKOptions } from "../node/main.js";
import { checkServerURL } from "./args.js";
import type { TextSink } from "./render.js";

/** A client and what to release when the command ends. */
export interface Connection {
  readonly client: Mistral;
  /** Stops the in-process emulator, if one was started. */
  close(): Promise<void>;
}

/** Opens the connection described by the options and the environment. */
export async function connect(
  serverURLOption: string | undefined,
  env: NodeJS.ProcessEnv,
  stderr: TextSink,
): Promise<Connection> {
  const apiKey = env.MISTRAL_API_KEY || undefined;
  // A Console only ever calls write() on its streams, which a TextSink has.
  const sink = stderr as unknown as NodeJS.WritableStream;
  const options: SDKOptions = env.MISTRAL_DEBUG
    ? { debugLogger: new Console({ stdout: sink, stderr: sink }) }
    : {};
  const serverURL =
    serverURLOption ??
    (env.MISTRAL_SERVER_URL
      ? checkServerURL(env.MISTRAL_SERVER_URL, "MISTRAL_SERVER_URL")
      : undefined);
  if (serverURL !== undefined)
    return { client: new Mistral({ ...options, apiKey, serverURL }), close: async () => {} };
  if (apiKey !== undefined)
    return { client: new Mistral({ ...options, apiKey }), close: async () => {} };
  const { startEmulator } = await import("../emulator/index.js");
  const emulator = await startEmulator({ port: 0, host: "127.0.0.1" });
  stderr.write("mistral-stream: no MISTRAL_API_KEY set — answering from the local emulator\n");
  return {
    client: new Mistral({ ...options, serverURL: emulator.url }),
    close: () => emulator.close(),
  };
}
