/**
 * Starts and stops the emulator's HTTP server.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Store } from "../conversations/store.js";
import { FaultBook } from "../faults/book.js";
import { normalizeFaults } from "../faults/spec.js";
import {
  type EmulatorOptions,
  isLoopback,
  type RunningEmulator,
  resolveOptions,
} from "../options.js";
import { BatchStore } from "../services/batch.js";
import { FileStore } from "../services/files.js";
import { handleRequest } from "./handler.js";
import type { EmulatorContext } from "./scope.js";
import { sendJson } from "./util.js";

/**
 * Starts a local Mistral API emulator.
 *
 * @example
 * const emulator = await startEmulator({ tokensPerSecond: 0 });
 * const client = new Mistral({ apiKey: "any", serverURL: emulator.url });
 * // ...
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  if (!isLoopback(resolved.host) && !resolved.allowRemote) {
    throw new Error(
      `refusing to listen on non-loopback host "${resolved.host}" without allowRemote: true`,
    );
  }
  const files = new FileStore();
  const ctx: EmulatorContext = {
    options: resolved,
    faults: new FaultBook(normalizeFaults(options.faults)),
    store: new Store(),
    files,
    batches: new BatchStore(files),
  };
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => serve(ctx, req, res));
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open streams and idle keep-alive sockets would otherwise hold close() forever.
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/** Handles one request, logging it and turning an emulator bug into a 500 rather than a crash. */
function serve(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): void {
  const started = Date.now();
  const log = ctx.options.log;
  res.on("close", () => {
    const cut = res.writableFinished ? "" : " (connection closed before the end)";
    log?.(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms${cut}`);
  });
  handleRequest(ctx, req, res).catch((error: unknown) => {
    log?.(
      `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    if (res.headersSent) return res.destroy();
    const body = {
      object: "error",
      message: "Emulator internal error",
      type: "internal_error",
      param: null,
      code: null,
    };
    sendJson(res, 500, body);
  });
}
