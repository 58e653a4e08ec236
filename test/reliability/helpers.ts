// Shared pieces of the reliability suite: wire builders, a loopback server
// that reports, from the server side, which responses are still in flight and
// which connection each request arrived on, and a few small utilities.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  type CompletionEvent,
  type ConversationEvents,
  type EventStream,
  Mistral,
  type RequestOptions,
  type SDKOptions,
} from "../helpers/sdk.js";
import { startTestServer, type TestHandler, type TestServer } from "../helpers/test-server.js";

/** The smallest valid chat request. */
export const request = {
  model: "mistral-small-latest",
  messages: [{ role: "user" as const, content: "hi" }],
};

/** The end-of-stream marker as the API sends it. */
export const doneEvent = "data: [DONE]\n\n";

/** One wire chunk event carrying `content` for choice 0. */
export function chunk(content: string, extra: Record<string, unknown> = {}): string {
  const choice = { index: 0, delta: { content }, finish_reason: null, ...extra };
  const body = {
    id: "a",
    object: "chat.completion.chunk",
    created: 1,
    model: "m",
    choices: [choice],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

/** One conversation event as the API frames it (named, `data.type` the same name). */
export function namedEvent(data: Record<string, unknown>): string {
  return `event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * What the suite needs to know of a kind of stream: how to open one, and how
 * its events, its end marker and its error event look on the wire. Chat
 * streams end at `data: [DONE]`; conversation streams at the named event
 * `conversation.response.done`.
 */
export interface StreamKind {
  readonly name: "chat" | "conversation";
  /** Opens a stream of this kind on `client`. */
  open(client: Mistral, options?: RequestOptions): Promise<AnyStream>;
  /** One event carrying answer text. */
  event(text: string): string;
  /** The end marker, as sent. */
  readonly done: string;
  /** How the end marker's line starts, to find it in a body. */
  readonly doneLine: string;
  /** An error event, as sent mid-stream. */
  readonly error: string;
}

/** A stream of either kind. */
export type AnyStream = EventStream<CompletionEvent> | EventStream<ConversationEvents>;

/** Chat completions (`chat.stream`). */
export const chatKind: StreamKind = {
  name: "chat",
  open: (client, options) => client.chat.stream(request, options),
  event: (text) => chunk(text),
  done: doneEvent,
  doneLine: "data: [DONE]",
  error: 'data: {"object":"error","message":"overloaded"}\n\n',
};

/** Conversations (`beta.conversations.startStream`). */
export const conversationKind: StreamKind = {
  name: "conversation",
  open: (client, options) =>
    client.beta.conversations.startStream({ model: "mistral-small-latest", inputs: "hi" }, options),
  event: (content) =>
    namedEvent({
      type: "message.output.delta",
      output_index: 0,
      id: "msg_1",
      content_index: 0,
      model: "m",
      role: "assistant",
      content,
    }),
  done: namedEvent({
    type: "conversation.response.done",
    usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
  }),
  doneLine: "event: conversation.response.done",
  error: namedEvent({ type: "conversation.response.error", message: "overloaded", code: 3000 }),
};

/** A loopback server that also knows which responses are still being written. */
export interface TrackedServer extends TestServer {
  /** Responses that have neither finished nor lost their connection. */
  busy(): number;
  /** Resolves once {@link TrackedServer.busy} is 0; rejects after `ms`. */
  waitForIdle(ms?: number): Promise<void>;
  /** For each request, in arrival order, the id of the connection it came on. */
  connectionIds: number[];
  /** Closes the connections idle in the client's pool (so the client has none left). */
  closeIdleConnections(): void;
}

/**
 * Starts a loopback server whose handler is wrapped to track every response.
 * "Busy" is the server-side measure of a leak: a response the client neither
 * read to its end nor released by closing the connection.
 */
export async function startTrackedServer(handler: TestHandler): Promise<TrackedServer> {
  const inFlight = new Set<ServerResponse>();
  const ids = new WeakMap<Socket, number>();
  const connectionIds: number[] = [];
  const sockets = new Set<Socket>();
  let nextId = 1;
  let current = handler;
  const wrapped: TestHandler = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const socket = req.socket;
    if (!ids.has(socket)) {
      ids.set(socket, nextId++);
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    }
    connectionIds.push(ids.get(socket) ?? 0);
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    return current(req, res, body);
  };
  const server = await startTestServer(wrapped);
  return Object.assign(server, {
    busy: () => inFlight.size,
    connectionIds,
    setHandler(next: TestHandler) {
      current = next;
    },
    async waitForIdle(ms = 100) {
      const deadline = Date.now() + ms;
      while (inFlight.size > 0) {
        if (Date.now() > deadline) {
          throw new Error(`${inFlight.size} response(s) still in flight after ${ms} ms`);
        }
        await sleep(2);
      }
    },
    closeIdleConnections() {
      // Sockets between requests hold no response: closing them empties the
      // client's pool without touching a response in flight.
      for (const socket of sockets) {
        if (![...inFlight].some((res) => res.socket === socket)) socket.destroy();
      }
    },
  });
}

/** A client on `server` with retries off unless `options` says otherwise. */
export function clientFor(server: { url: string }, options: SDKOptions = {}): Mistral {
  return new Mistral({
    apiKey: "test-key",
    serverURL: server.url,
    retryConfig: { strategy: "none" },
    ...options,
  });
}

/** Writes SSE headers, flushed, so the client's response resolves at once. */
export function beginStream(res: ServerResponse, extra: Record<string, string> = {}): void {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "mistral-correlation-id": "corr-1",
    ...extra,
  });
  res.flushHeaders();
}

/** Destroys the response's socket once every byte written so far has left the process. */
export function destroyWhenFlushed(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  const attempt = (): void => {
    if (socket.destroyed) return;
    if (socket.writableLength === 0) socket.destroy();
    else setImmediate(attempt);
  };
  setImmediate(attempt);
}

/**
 * Iterates `stream` to its end; returns the answer text (choice 0 of a chat
 * stream, the message deltas of a conversation), the event count and the
 * error, if any.
 */
export async function drain(
  stream: AsyncIterable<unknown>,
): Promise<{ text: string; events: number; error: unknown }> {
  let text = "";
  let events = 0;
  try {
    for await (const event of stream) {
      events++;
      text += textOf(event);
    }
    return { text, events, error: undefined };
  } catch (error) {
    return { text, events, error };
  }
}

/** The answer text an event carries, as a failure's `partial.text` counts it. */
function textOf(event: unknown): string {
  const data = (event as { data?: Record<string, unknown> }).data ?? {};
  if (Array.isArray(data.choices)) {
    // Choice 0 only.
    const first = data.choices[0] as { index?: number; delta?: { content?: unknown } } | undefined;
    const content = first?.delta?.content;
    return first?.index === 0 && typeof content === "string" ? content : "";
  }
  if (data.type !== "message.output.delta") return "";
  const content = data.content as { type?: unknown; text?: unknown } | string;
  if (typeof content === "string") return content;
  // A delta may carry a whole chunk; a text chunk is answer text too.
  return content?.type === "text" && typeof content.text === "string" ? content.text : "";
}

/** Settles `promise` into its value or error, for assertions on either. */
export function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

let gcFunction: (() => void) | undefined;

/** Runs a full garbage collection (enabling `gc` on first use). */
export function collectGarbage(): void {
  if (!gcFunction) {
    setFlagsFromString("--expose-gc");
    gcFunction = runInNewContext("gc") as () => void;
  }
  gcFunction();
  gcFunction();
}

/** Counts of `process.getActiveResourcesInfo()` by kind. */
export function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo())
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}
