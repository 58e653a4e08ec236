/**
 * Helpers for the emulator tests: start/stop an emulator around a test, post
 * JSON with plain `fetch`, and split an SSE body into its messages.
 */
import {
  type EmulatorOptions,
  type RunningEmulator,
  startEmulator,
} from "../../src/emulator/index.js";

/** Runs `fn` against a fresh emulator (no pacing unless asked) and always closes it. */
export async function withEmulator<T>(
  options: EmulatorOptions,
  fn: (emulator: RunningEmulator) => Promise<T>,
): Promise<T> {
  const emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0, ...options });
  try {
    return await fn(emulator);
  } finally {
    await emulator.close();
  }
}

/** A finished HTTP exchange. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Set when reading the body failed (e.g. the connection was cut). */
  error: unknown;
}

/** POSTs a JSON body (or raw text) and reads the whole answer, tolerating a cut connection. */
export async function post(
  emulator: RunningEmulator,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetch(emulator.url + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return readReply(response);
}

/** Reads a response body to the end, keeping what arrived before any error. */
export async function readReply(response: Response): Promise<Reply> {
  const decoder = new TextDecoder();
  let text = "";
  let error: unknown;
  try {
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch (e) {
    error = e;
  }
  return { status: response.status, headers: response.headers, text, error };
}

/** The messages of an SSE body: `data` payloads and comment lines, in order. */
export function splitSse(text: string): { data: string[]; comments: string[] } {
  const data: string[] = [];
  const comments: string[] = [];
  for (const block of text.split("\n\n")) {
    const lines = block.split("\n").filter((l) => l.length > 0);
    const payload = lines.filter((l) => l.startsWith("data: ")).map((l) => l.slice(6));
    comments.push(...lines.filter((l) => l.startsWith(":")));
    if (payload.length > 0) data.push(payload.join("\n"));
  }
  return { data, comments };
}

/** A parsed stream chunk (loosely typed for assertions). */
export interface Chunk {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: { index: number; delta: Record<string, unknown>; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  p?: string;
}

/** The JSON chunks of an SSE body (everything but `[DONE]`). */
export function chunksOf(text: string): Chunk[] {
  return splitSse(text)
    .data.filter((d) => d !== "[DONE]")
    .map((d) => JSON.parse(d) as Chunk);
}

/** The text content streamed for one choice (string deltas only). */
export function streamedText(chunks: readonly Chunk[], index = 0): string {
  return chunks
    .flatMap((c) => c.choices.filter((ch) => ch.index === index))
    .map((ch) => (typeof ch.delta.content === "string" ? ch.delta.content : ""))
    .join("");
}

/** A chat request body with one user message. */
export function chat(
  content: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { model: "mistral-small-latest", messages: [{ role: "user", content }], ...extra };
}
