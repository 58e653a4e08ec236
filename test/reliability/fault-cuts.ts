// The engine of the fault-injection suite: for a recorded stream, which byte
// offsets to cut at, what the client must report for each cut (computed from
// the wire text alone, independently of the client's own parser), and a
// runner that plays every cut against one loopback server and one client.
// It runs on chat streams (ending at `data: [DONE]`) and on conversation
// streams (ending at the named event `conversation.response.done`).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { fixturePath } from "../helpers/paths.js";
import { IncompleteStreamError, type Mistral, StreamError } from "../helpers/sdk.js";
import { seededRandom } from "../helpers/test-server.js";
import {
  beginStream,
  chatKind,
  clientFor,
  destroyWhenFlushed,
  drain,
  type StreamKind,
  startTrackedServer,
  type TrackedServer,
} from "./helpers.js";

/** How the server cuts the body after the prefix. */
export type CutMode =
  /** Chunked response ended properly (`res.end()`): a clean end of body. */
  | "end"
  /** The socket destroyed mid-body: the chunked framing never completes. */
  | "reset"
  /** A close-delimited response (`Connection: close`, no length) whose socket ends: clean for the transport. */
  | "close";

/** A recorded stream body. */
export interface Fixture {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Every recorded Mistral stream under test/fixtures/mistral/sse. */
export function loadFixtures(): Fixture[] {
  const dir = fixturePath("mistral", "sse");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".sse"))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(`${dir}/${name}`) }));
}

/** Bodies shorter than this are cut at every offset. */
export const everyOffsetBelow = 3 * 1024;

/**
 * The offsets to cut `bytes` at (the number of body bytes sent): all of them
 * for a short body; otherwise a seeded sample of 200 plus every offset around
 * each event boundary and across the final `[DONE]` event.
 */
export function planCuts(bytes: Buffer, seed: number, doneLine = chatKind.doneLine): number[] {
  const n = bytes.length;
  if (n < everyOffsetBelow) return Array.from({ length: n + 1 }, (_, i) => i);
  const cuts = new Set<number>([0, n]);
  const random = seededRandom(seed);
  while (cuts.size < 202) cuts.add(Math.floor(random() * (n + 1)));
  for (let i = bytes.indexOf("\n\n"); i !== -1; i = bytes.indexOf("\n\n", i + 1)) {
    for (let d = -1; d <= 3; d++) if (i + d >= 0 && i + d <= n) cuts.add(i + d);
  }
  for (let i = Math.max(0, bytes.lastIndexOf(doneLine) - 2); i <= n; i++) cuts.add(i);
  return [...cuts].sort((a, b) => a - b);
}

/** What the client must report for one cut. */
export interface Expected {
  /** The stream must end normally (it saw its end marker). */
  success: boolean;
  /** Events the client can have decoded from the prefix. */
  events: number;
  /** Their choice-0 text. */
  text: string;
}

/**
 * The client's obligations for a prefix of `bytes`. A block counts when its
 * blank line arrived; on a clean end, also a last block whose data line ended
 * (the client flushes it), but never an unterminated line.
 */
export function expectFor(
  bytes: Buffer,
  cut: number,
  mode: CutMode,
  kind: StreamKind = chatKind,
): Expected {
  const prefix = bytes.subarray(0, cut).toString("utf8");
  const blocks = prefix.split("\n\n");
  const tail = blocks.pop() ?? "";
  if (mode !== "reset" && tail.endsWith("\n")) blocks.push(tail);
  let events = 0;
  let text = "";
  for (const block of blocks) {
    const lines = block.split("\n");
    const data = lines
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(line.startsWith("data: ") ? 6 : 5));
    // A block without data (a comment, the docs' `...` line) is no event.
    if (data.length === 0) continue;
    const read = (kind.name === "chat" ? readChat : readConversation)(data.join("\n"));
    if (read.done && kind.name === "chat") return { success: true, events, text };
    events++;
    text += read.text;
    if (read.done) return { success: true, events, text };
  }
  return { success: false, events, text };
}

/** One chat event: `[DONE]`, or a chunk and its choice-0 text. */
function readChat(data: string): { done: boolean; text: string } {
  if (data === "[DONE]") return { done: true, text: "" };
  const first = (
    JSON.parse(data) as { choices: Array<{ index?: number; delta: { content?: unknown } }> }
  ).choices[0];
  const content = first && (first.index ?? 0) === 0 ? first.delta.content : undefined;
  return { done: false, text: typeof content === "string" ? content : "" };
}

/** One conversation event: the done event (itself an event), or a message delta's text. */
function readConversation(data: string): { done: boolean; text: string } {
  const event = JSON.parse(data) as {
    type?: string;
    content?: string | { type?: string; text?: unknown };
  };
  const { content } = event;
  // A delta's content is text, or a whole chunk: a text chunk is answer text too.
  const text =
    event.type !== "message.output.delta"
      ? ""
      : typeof content === "string"
        ? content
        : content?.type === "text" && typeof content.text === "string"
          ? content.text
          : "";
  return { done: event.type === "conversation.response.done", text };
}

/** Serves the cut named in the request headers (`x-fixture`, `x-cut`, `x-mode`). */
export function cutHandler(fixtures: readonly Fixture[]) {
  return (req: { headers: Record<string, string | string[] | undefined> }, res: ServerResponse) => {
    const fixture = fixtures[Number(req.headers["x-fixture"])];
    assert.ok(fixture, "unknown fixture");
    const prefix = fixture.bytes.subarray(0, Number(req.headers["x-cut"]));
    const mode = req.headers["x-mode"] as CutMode;
    if (mode === "close") {
      const socket = res.socket;
      assert.ok(socket);
      // Bypasses the HTTP framing: the end of the connection is the end of the body.
      socket.write(
        "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream; charset=utf-8\r\nmistral-correlation-id: corr-1\r\nconnection: close\r\n\r\n",
      );
      socket.end(prefix);
      return;
    }
    beginStream(res);
    if (prefix.length > 0) res.write(prefix);
    if (mode === "end") res.end();
    else destroyWhenFlushed(res);
  };
}

/** One cut whose outcome broke the rules, for the failure report. */
interface Mismatch {
  cut: number;
  problem: string;
}

/** Plays every cut of `fixture` in `mode`; returns the broken ones. */
export async function playCuts(
  client: Mistral,
  fixtures: readonly Fixture[],
  index: number,
  mode: CutMode,
  cuts: readonly number[],
  kind: StreamKind = chatKind,
  concurrency = 4,
): Promise<Mismatch[]> {
  const fixture = fixtures[index];
  assert.ok(fixture);
  const mismatches: Mismatch[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cuts.length) {
      const cut = cuts[next++] as number;
      const headers = { "x-fixture": String(index), "x-cut": String(cut), "x-mode": mode };
      const outcome = await drain(await kind.open(client, { headers }));
      const problem = judge(outcome, expectFor(fixture.bytes, cut, mode, kind), mode);
      if (problem) mismatches.push({ cut, problem });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return mismatches;
}

/** Checks one outcome against the rules; returns what is wrong, or `undefined`. */
function judge(
  outcome: { text: string; events: number; error: unknown },
  expected: Expected,
  mode: CutMode,
): string | undefined {
  const { error } = outcome;
  if (expected.success) {
    // A reset right after the last byte may still cost the transport its last
    // read; that is reported as incomplete, which is safe. Anything else is not.
    if (error === undefined || (mode === "reset" && error instanceof IncompleteStreamError)) {
      if (error === undefined && outcome.text !== expected.text) return "wrong text on success";
      return undefined;
    }
    return `expected success, got ${String(error)}`;
  }
  if (error === undefined) return "silent success on a truncated stream";
  if (!(error instanceof IncompleteStreamError))
    return `expected IncompleteStreamError, got ${String(error)}`;
  if (!error.retryable) return "a truncated stream must be retryable";
  if (error.statusCode !== 200 || error.requestId !== "corr-1") return "missing response context";
  if (!(error instanceof StreamError)) return "not a StreamError";
  const { partial } = error;
  if (partial.events !== outcome.events || partial.text !== outcome.text) {
    return `partial ${partial.events}/${JSON.stringify(partial.text)} differs from what was delivered ${outcome.events}/${JSON.stringify(outcome.text)}`;
  }
  if (mode === "reset") {
    if (outcome.events > expected.events || !expected.text.startsWith(outcome.text)) {
      return `delivered ${outcome.events} events, more than the ${expected.events} sent`;
    }
  } else if (outcome.events !== expected.events || outcome.text !== expected.text) {
    return `delivered ${outcome.events} events, expected ${expected.events}`;
  }
  return undefined;
}

/** Formats mismatches for an assertion message. */
export function describeMismatches(name: string, mode: CutMode, mismatches: Mismatch[]): string {
  const shown = mismatches
    .slice(0, 5)
    .map((m) => `  cut ${m.cut}: ${m.problem}`)
    .join("\n");
  return `${name} (${mode}): ${mismatches.length} cut(s) misbehaved\n${shown}`;
}

/** The cuts played for `fixture` in `mode`. */
export function planFor(
  fixture: Fixture,
  seed: number,
  mode: CutMode,
  kind: StreamKind = chatKind,
): number[] {
  const cuts = planCuts(fixture.bytes, seed, kind.doneLine);
  // Close-delimited bodies need a new connection per cut: sample them more thinly.
  return mode === "close" ? cuts.filter((_, i) => i % 4 === 0 || i === cuts.length - 1) : cuts;
}

/**
 * Registers the suite of `modes` over every other recorded stream (`part` 0
 * or 1): each half runs in a file of its own, so that no file comes near the
 * runner's per-file deadline on a loaded machine.
 */
export function describeCuts(title: string, modes: CutMode[], part: 0 | 1): void {
  const fixtures = loadFixtures();
  describe(`${title} (part ${part + 1} of 2)`, () => {
    let server: TrackedServer;
    let client: Mistral;
    before(async () => {
      server = await startTrackedServer(cutHandler(fixtures));
      client = clientFor(server, { idleTimeoutMs: 5000, timeoutMs: 10_000 });
    });
    after(() => server.close());

    fixtures.forEach((fixture, index) => {
      if (index % 2 !== part) return;
      for (const mode of modes) {
        test(
          `${fixture.name} (${mode}) reports IncompleteStreamError with the delivered part before [DONE], and succeeds after it`,
          { timeout: 60_000 },
          async () => {
            const cuts = planFor(fixture, index + 1, mode);
            const mismatches = await playCuts(client, fixtures, index, mode, cuts);
            assert.deepEqual(mismatches, [], describeMismatches(fixture.name, mode, mismatches));
            await server.waitForIdle(500);
          },
        );
      }
    });
  });
}
