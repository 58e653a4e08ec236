// Bounded memory under hostile input: a server that streams without ever
// ending a line, or one enormous event, at full speed. The stream must fail
// with EventTooLargeError at the configured cap while the heap stays far below
// what the server was willing to send.
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { EventTooLargeError } from "../helpers/sdk.js";
import {
  beginStream,
  chunk,
  clientFor,
  collectGarbage,
  drain,
  request,
  startTrackedServer,
  type TrackedServer,
} from "./helpers.js";

const MB = 1024 * 1024;
const cap = 8 * MB;
const offered = 200 * MB;

/** Writes `piece` until `limit` bytes went out or the client hung up, honouring back-pressure. */
async function flood(res: ServerResponse, piece: Buffer, limit: number): Promise<number> {
  let sent = 0;
  while (sent < limit && !res.destroyed) {
    sent += piece.length;
    if (!res.write(piece)) {
      await new Promise<void>((resolve) => {
        const go = () => {
          res.off("drain", go);
          res.off("close", go);
          resolve();
        };
        res.on("drain", go);
        res.on("close", go);
      });
    }
  }
  return sent;
}

describe("hostile input is refused within the event size cap", () => {
  let server: TrackedServer;
  let shape: "no-newline" | "endless-event" = "no-newline";
  let sent = 0;
  before(async () => {
    server = await startTrackedServer(async (_req, res) => {
      beginStream(res);
      res.write(chunk("ok"));
      // Preallocated once: the server adds nothing to the heap per write.
      const piece =
        shape === "no-newline"
          ? Buffer.concat([Buffer.from("data: "), Buffer.alloc(MB - 6, "x")])
          : Buffer.from(`data: ${"y".repeat(1018)}\n`.repeat(1024));
      sent = await flood(res, piece, offered);
      res.end();
    });
  });
  after(() => server.close());

  for (const [what, name] of [
    ["200 MB without a newline", "no-newline"],
    ["one 200 MB event made of short data lines", "endless-event"],
  ] as const) {
    test(
      `${what} fails with EventTooLargeError at the cap while the heap stays small`,
      {
        timeout: 60_000,
      },
      async () => {
        shape = name;
        collectGarbage();
        const baseline = process.memoryUsage().heapUsed;
        let peak = baseline;
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        }, 2);
        try {
          const stream = await clientFor(server).chat.stream(request, { maxEventBytes: cap });
          const outcome = await drain(stream);
          peak = Math.max(peak, process.memoryUsage().heapUsed);
          assert.ok(outcome.error instanceof EventTooLargeError, String(outcome.error));
          assert.equal(outcome.error.limit, cap);
          assert.equal(outcome.error.partial.text, "ok");
          assert.equal(outcome.text, "ok");
        } finally {
          clearInterval(sampler);
        }
        await server.waitForIdle(100);
        const growth = peak - baseline;
        // The cap is in characters; one-byte strings plus the pieces in flight
        // stay within a few caps, far from the 200 MB offered.
        assert.ok(growth < 3 * cap, `heap grew by ${(growth / MB).toFixed(1)} MB`);
        assert.ok(sent < offered / 4, `the server got to send ${(sent / MB).toFixed(0)} MB`);
      },
    );
  }
});
