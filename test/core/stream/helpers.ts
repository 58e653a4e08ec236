import type { ServerResponse } from "node:http";
import { Mistral } from "../../helpers/sdk.js";
import {
  sseHeaders,
  startTestServer,
  type TestHandler,
  type TestServer,
} from "../../helpers/test-server.js";

/** A minimal chat request. */
export const request = {
  model: "mistral-small-latest",
  messages: [{ role: "user" as const, content: "hi" }],
};

/** One SSE event carrying a chat chunk with `content`. */
export function chunk(content: string, extra: Record<string, unknown> = {}): string {
  const choice = { index: 0, delta: { content }, finish_reason: null, ...extra };
  return `data: ${JSON.stringify({ id: "a", object: "chat.completion.chunk", created: 1, model: "m", choices: [choice] })}\n\n`;
}

/** A handler that writes `parts` then either ends, hangs, or destroys the socket. */
export function streamOf(parts: string[], then: "end" | "hang" | "destroy" = "end"): TestHandler {
  return (_req, res: ServerResponse) => {
    res.writeHead(200, sseHeaders);
    for (const part of parts) res.write(part);
    if (then === "end") res.end();
    else if (then === "destroy") setTimeout(() => res.socket?.destroy(), 10);
  };
}

/** Runs `run` with a fresh test server and a client without retries pointed at it. */
export async function withServer(
  handler: TestHandler,
  run: (server: TestServer, client: Mistral) => Promise<void>,
) {
  const server = await startTestServer(handler);
  try {
    await run(
      server,
      new Mistral({
        apiKey: "secret-key",
        serverURL: server.url,
        retryConfig: { strategy: "none" },
      }),
    );
  } finally {
    await server.close();
  }
}

/** Iterates a stream to its end; returns the text of choice 0. */
export async function collect(
  stream: AsyncIterable<{ data: { choices: Array<{ delta: { content?: unknown } }> } }>,
) {
  let text = "";
  for await (const event of stream) text += String(event.data.choices[0]?.delta.content ?? "");
  return text;
}
