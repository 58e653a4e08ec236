// Ten thousand streams opened and left in every way, round-robin: afterwards
// no connection is open on the server, no timer is pending, the caller's
// long-lived signal holds no listener, and the heap is back to its baseline.
import assert from "node:assert/strict";
import { getEventListeners, setMaxListeners } from "node:events";
import { test } from "node:test";
import {
  activeResources,
  clientFor,
  collectGarbage,
  sleep,
  startTrackedServer,
  type TrackedServer,
} from "./helpers.js";
import { leaveWays, wayHandler } from "./leave-ways.js";

const total = 10_000;
const concurrency = 48;

/** Runs `count` streams, cycling through the ways, `concurrency` at a time. */
async function runWays(
  server: TrackedServer,
  count: number,
  signal: AbortSignal,
): Promise<Map<string, number>> {
  const client = clientFor(server);
  const done = new Map<string, number>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const way = leaveWays[next++ % leaveWays.length];
      assert.ok(way);
      await way.run(client, signal);
      done.set(way.name, (done.get(way.name) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}

/** Lets the client notice closed connections, and forgets the server's request log. */
async function settleDown(server: TrackedServer): Promise<void> {
  await server.waitForIdle(1000);
  server.closeIdleConnections();
  await server.waitForNoSockets(1000);
  server.requests.length = 0;
  server.connectionIds.length = 0;
  await sleep(50);
  collectGarbage();
}

function timers(): number {
  return activeResources().get("Timeout") ?? 0;
}

test(
  `${total} streams left in every way leave no socket, timer, listener or memory behind`,
  {
    timeout: 120_000,
  },
  async () => {
    const server = await startTrackedServer(wayHandler);
    try {
      // One application-wide signal shared by every call: each call in flight
      // holds one listener on it, more than Node's default warning threshold.
      const shared = new AbortController();
      setMaxListeners(concurrency * 2, shared.signal);
      // Warm up: the first few hundred calls compile code and fill caches.
      await runWays(server, 2 * leaveWays.length * 10, shared.signal);
      await settleDown(server);
      const baseline = { heap: process.memoryUsage().heapUsed, timers: timers() };

      const started = performance.now();
      const done = await runWays(server, total, shared.signal);
      const elapsed = performance.now() - started;
      assert.equal(
        [...done.values()].reduce((a, b) => a + b, 0),
        total,
      );
      assert.equal(done.size, leaveWays.length, "every way was taken");

      // Every response ended within a moment of the last stream being left.
      await server.waitForIdle(100);
      await settleDown(server);
      assert.equal(server.openSockets(), 0);
      assert.equal(getEventListeners(shared.signal, "abort").length, 0, "no listener left");
      assert.equal(timers(), baseline.timers, `timers: ${[...activeResources()].join(" ")}`);
      const growth = process.memoryUsage().heapUsed - baseline.heap;
      assert.ok(growth < 8 * 1024 * 1024, `heap grew by ${(growth / 1024 / 1024).toFixed(1)} MB`);
      assert.ok(elapsed < 60_000, `took ${elapsed} ms`);

      // With the server gone, the client's pool (spare connections included)
      // empties: nothing else held a socket.
      await server.close();
      const deadline = Date.now() + 1000;
      while (activeResources().has("TCPSocketWrap") && Date.now() < deadline) await sleep(5);
      assert.equal(activeResources().get("TCPSocketWrap"), undefined);
    } finally {
      await server.close();
    }
  },
);
