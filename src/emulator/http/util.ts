/**
 * Small HTTP helpers for the emulator: CORS, JSON replies, body reading.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorReply } from "./error-bodies.js";

/** Request headers that steer the emulator. */
export const emulatorHeaders = [
  "x-emulator-fault",
  "x-emulator-tokens-per-second",
  "x-emulator-ttft-ms",
];

/** Response headers a browser page may read. */
const exposedHeaders = ["mistral-correlation-id", "x-emulator-fault", "retry-after"];

/** Sets CORS headers so a page on any origin can call the emulator (and read its ids and fault marks). */
export function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
  res.setHeader("vary", "origin");
  res.setHeader("access-control-expose-headers", exposedHeaders.join(", "));
}

/** Answers a CORS preflight: any method the API has, the usual headers plus whatever the page asks for. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const asked = String(req.headers["access-control-request-headers"] ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const allowed = new Set([
    "authorization",
    "content-type",
    "accept",
    ...emulatorHeaders,
    ...asked,
  ]);
  res.writeHead(204, {
    "access-control-allow-methods": "GET, POST, PATCH, PUT, DELETE, OPTIONS",
    "access-control-allow-headers": [...allowed].join(", "),
    "access-control-max-age": "600",
    "content-length": "0",
  });
  res.end();
}

/** Sends a JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** Sends an error reply. */
export function sendError(
  res: ServerResponse,
  reply: ErrorReply,
  headers: Record<string, string> = {},
): void {
  sendJson(res, reply.status, reply.body, headers);
}

/** Thrown when a request body is larger than the emulator accepts. */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/** Reads the whole request body as UTF-8 text. */
export async function readBody(req: IncomingMessage, limit = 20 * 1024 * 1024): Promise<string> {
  return (await readBodyBytes(req, limit)).toString("utf8");
}

/** Reads the whole request body. */
export async function readBodyBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req) {
    const buffer = part as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(`request body over ${limit} bytes`);
    parts.push(buffer);
  }
  return Buffer.concat(parts);
}

/** Reads a numeric request header, or `undefined` when absent or not a number. */
export function numericHeader(req: IncomingMessage, name: string): number | undefined {
  const raw = req.headers[name];
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  const value = raw.trim().toLowerCase() === "infinity" ? Number.POSITIVE_INFINITY : Number(raw);
  return Number.isNaN(value) || value < 0 ? undefined : value;
}
