import type { ServerResponse } from "node:http";
import { sseHeaders } from "../helpers/test-server.js";

/** One wire chunk (snake_case, as the API sends it) carrying `content` for choice 0. */
export function wireChunk(content: unknown, extra: Record<string, unknown> = {}): string {
  const chunk = {
    id: "cmpl-test",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model: "mistral-small-latest",
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
    ...extra,
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** The last chunk: finish reason and usage. */
export function finalChunk(completionTokens: number, finishReason = "stop"): string {
  const chunk = {
    id: "cmpl-test",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model: "mistral-small-latest",
    choices: [{ index: 0, delta: { content: "" }, finish_reason: finishReason }],
    usage: {
      prompt_tokens: 7,
      completion_tokens: completionTokens,
      total_tokens: 7 + completionTokens,
    },
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** What a scripted stream sends. */
export interface StreamScript {
  /** Content of each chunk after the role chunk (strings or content-chunk arrays). */
  pieces: unknown[];
  /** Pause between chunks. */
  gapMs?: number;
  /** Stop before the final chunk and `[DONE]`, then cut the connection. */
  cut?: boolean;
  /** The final chunk's `finish_reason` (default `"stop"`). */
  finishReason?: string;
  /** Called after each piece is written. */
  onPiece?: (index: number) => void;
}

/** Streams `script` as a Mistral SSE response. */
export async function sendStream(res: ServerResponse, script: StreamScript): Promise<void> {
  res.writeHead(200, sseHeaders);
  const write = (text: string) => new Promise<void>((resolve) => res.write(text, () => resolve()));
  await write(
    wireChunk("", {
      choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }],
    }),
  );
  for (const [index, piece] of script.pieces.entries()) {
    if (res.destroyed) return;
    await write(wireChunk(piece));
    script.onPiece?.(index);
    if (script.gapMs) await new Promise((r) => setTimeout(r, script.gapMs));
  }
  if (script.cut) {
    res.destroy();
    return;
  }
  await write(finalChunk(script.pieces.length, script.finishReason));
  await write("data: [DONE]\n\n");
  res.end();
}
