import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request as the test server received it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** Handles one request; `body` is the full request body. */
export type TestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
) => void | Promise<void>;

/** A loopback HTTP server with byte-level control, for tests that need it. */
export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  requests: RecordedRequest[];
  /**
   * Sockets open on the server side that have carried a request. (An HTTP
   * client may open a spare connection it has not used yet; that one is
   * not a leak of any request's connection and is not counted.)
   */
  openSockets(): number;
  /** Resolves once no used socket is open, or rejects after `ms`. */
  waitForNoSockets(ms?: number): Promise<void>;
  /** Replaces the handler. */
  setHandler(handler: TestHandler): void;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with a random port. */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const used = new Set<Socket>();
  const server = createServer((req, res) => {
    used.add(req.socket);
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const body = Buffer.concat(parts).toString("utf8");
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      Promise.resolve(current(req, res, body)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      used.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    openSockets: () => used.size,
    async waitForNoSockets(ms = 1000) {
      const deadline = Date.now() + ms;
      while (used.size > 0) {
        if (Date.now() > deadline)
          throw new Error(`${used.size} used socket(s) still open after ${ms} ms`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    setHandler(next) {
      current = next;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A deterministic PRNG (mulberry32) for reproducible chunkings. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `bytes` into pieces of 1..maxPiece bytes chosen by `random`. */
export function splitRandomly(
  bytes: Uint8Array,
  maxPiece: number,
  random: () => number,
): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; ) {
    const size = 1 + Math.floor(random() * maxPiece);
    pieces.push(bytes.subarray(i, i + size));
    i += size;
  }
  return pieces;
}

/** Writes pieces one by one, waiting for each to be flushed so the client sees separate reads. */
export async function writePieces(
  res: ServerResponse,
  pieces: Uint8Array[],
  gapMs = 0,
): Promise<void> {
  for (const piece of pieces) {
    if (res.destroyed) return;
    await new Promise<void>((resolve) => res.write(piece, () => resolve()));
    if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
  }
}

/** Headers of a Mistral event stream. */
export const sseHeaders = {
  "content-type": "text/event-stream; charset=utf-8",
  "mistral-correlation-id": "0123456789abcdef0123456789abcdef",
} as const;
