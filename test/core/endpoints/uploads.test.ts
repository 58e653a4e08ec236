// Uploads and downloads through the one call path, on a byte-exact loopback
// server: a multipart body made of Blobs is sent again on a retry, one made
// from a stream never is once read; a file from disk (`fileFromPath`) is
// streamed, not read whole into memory; a download is bounded by the idle
// deadline, and cancelling it releases the connection; a key the server
// echoes never reaches an error message.
import assert from "node:assert/strict";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { fileFromPath } from "../../../src/node/index.js";
import {
  InvalidRequestError,
  Mistral,
  RequestTimeoutError,
  ServerError,
} from "../../helpers/sdk.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";

// The collector, to measure what is held rather than what awaits collection.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const retries = {
  strategy: "backoff" as const,
  backoff: { initialInterval: 1, maxInterval: 2, exponent: 1, maxElapsedTime: 2000 },
  retryConnectionErrors: true,
};

const fileBody = JSON.stringify({
  id: "f0000000-0000-4000-8000-000000000000",
  object: "file",
  bytes: 5,
  created_at: 1,
  filename: "a.jsonl",
  purpose: "batch",
  sample_type: "batch_request",
  source: "upload",
});

describe("uploads and downloads", () => {
  let server: TestServer;
  let client: Mistral;
  let dir: string;
  before(async () => {
    server = await startTestServer((_req, res) => {
      res.end();
    });
    client = new Mistral({ apiKey: "secret-key-123", serverURL: server.url, retryConfig: retries });
    dir = mkdtempSync(join(tmpdir(), "mistral-stream-upload-"));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  /** Answers 503 to the first `failures` requests, then the file object. */
  function failFirst(failures: number) {
    let seen = 0;
    server.setHandler((_req, res) => {
      seen++;
      res.writeHead(seen <= failures ? 503 : 200, { "content-type": "application/json" });
      res.end(
        seen <= failures
          ? '{"object":"error","message":"busy","type":"service_unavailable","code":"1000"}'
          : fileBody,
      );
    });
  }

  test("a multipart body of bytes is sent again, whole and identical, after a 503", async () => {
    failFirst(1);
    const before = server.requests.length;
    const file = await client.files.upload({
      file: { fileName: "a.jsonl", content: new TextEncoder().encode("hello") },
      purpose: "batch",
    });
    const sent = server.requests.slice(before);
    assert.equal(sent.length, 2);
    assert.equal(sent[0]!.body, sent[1]!.body);
    assert.match(sent[1]!.body, /name="purpose"\r\n\r\nbatch\r\n/);
    assert.match(
      sent[1]!.body,
      /filename="a.jsonl"\r\nContent-Type: application\/octet-stream\r\n\r\nhello\r\n/,
    );
    assert.equal(file.sizeBytes, 5);
  });

  test("a body from a stream is never sent twice once read: the 503 is the answer", async () => {
    failFirst(1);
    const before = server.requests.length;
    const content = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("streamed"));
        controller.close();
      },
    });
    const error = await client.files
      .upload({ file: { fileName: "s.jsonl", content }, purpose: "batch" })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ServerError && error.statusCode === 503, String(error));
    assert.equal(server.requests.length - before, 1);
    assert.match(server.requests.at(-1)!.body, /\r\n\r\nstreamed\r\n/);
  });

  test("a Node stream (an async iterable of bytes) is uploaded as sent", async () => {
    failFirst(0);
    const path = join(dir, "node-stream.jsonl");
    writeFileSync(path, "line one\nline two\n");
    await client.files.upload({ file: { fileName: "n.jsonl", content: createReadStream(path) } });
    assert.match(server.requests.at(-1)!.body, /\r\n\r\nline one\nline two\n\r\n--/);
  });

  test("fileFromPath streams a file from disk: while the server holds back, the client has read little of it; a retry resends it", async () => {
    const size = 48 * 1024 * 1024;
    const path = join(dir, "large.bin");
    writeFileSync(path, Buffer.alloc(size, 7));
    const file = await fileFromPath(path, { type: "application/octet-stream" });
    assert.equal(file.fileName, "large.bin");
    let requests = 0;
    let received = 0;
    let heldGrowth = Number.POSITIVE_INFINITY;
    gc();
    const base = process.memoryUsage().arrayBuffers;
    // A server of its own counts the bytes without keeping them; on the first
    // attempt it stops reading after the first bytes, so the client's reading
    // is held back by the socket: a client that had read the whole file would
    // hold all of it now (garbage collected first, so only what is held counts).
    const counting = createServer((req, res) => {
      const attempt = ++requests;
      let bytes = 0;
      req.on("data", (c: Buffer) => {
        bytes += c.length;
        if (attempt === 1 && heldGrowth === Number.POSITIVE_INFINITY) {
          heldGrowth = Number.NaN;
          req.pause();
          setTimeout(() => {
            gc();
            heldGrowth = process.memoryUsage().arrayBuffers - base;
            req.resume();
          }, 200);
        }
      });
      req.on("end", () => {
        received = bytes;
        res.writeHead(attempt === 1 ? 503 : 200, { "content-type": "application/json" });
        res.end(attempt === 1 ? "{}" : fileBody);
      });
    });
    await new Promise<void>((r) => counting.listen(0, "127.0.0.1", r));
    const port = (counting.address() as { port: number }).port;
    const uploader = new Mistral({
      apiKey: "k",
      serverURL: `http://127.0.0.1:${port}`,
      retryConfig: retries,
    });
    try {
      await uploader.files.upload({ file, purpose: "batch" });
    } finally {
      await new Promise<void>((r) => counting.close(() => r()));
    }
    assert.equal(requests, 2, "the 503 was retried with the file sent again");
    assert.ok(received > size, `the server got the whole file (${received} bytes)`);
    assert.ok(heldGrowth < size / 3, `memory grew by ${heldGrowth} bytes for a ${size}-byte file`);
  });

  test("a file that is neither a Blob nor { fileName, content } is refused before anything is sent", async () => {
    const before = server.requests.length;
    const error = await client.files
      .upload({ file: { fileName: "x", content: 42 } as never })
      .catch((e: unknown) => e);
    assert.ok(error instanceof InvalidRequestError);
    assert.match(error.message, /request\.file must be a Blob/);
    const none = await client.audio.transcriptions
      .complete({ model: "voxtral-mini-latest" })
      .catch((e: unknown) => e);
    assert.ok(none instanceof InvalidRequestError);
    assert.match(
      none.message,
      /exactly one of request\.file, request\.fileUrl and request\.fileId/,
    );
    assert.equal(server.requests.length, before);
  });

  test("an upload's error that echoes the key does not show it", async () => {
    server.setHandler((req, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          object: "error",
          message: `bad key ${req.headers.authorization}`,
          type: "x",
          code: null,
        }),
      );
    });
    const error = await client.files.upload({ file: new Blob(["x"]) }).catch((e: unknown) => e);
    assert.ok(error instanceof Error);
    assert.doesNotMatch(`${error.message} ${JSON.stringify(error)}`, /secret-key-123/);
  });
});

describe("downloads", () => {
  let server: TestServer;
  let client: Mistral;
  before(async () => {
    server = await startTestServer((_req, res) => {
      res.end();
    });
    client = new Mistral({ apiKey: "k", serverURL: server.url });
  });
  after(() => server.close());

  test("a download that stalls ends with an idle RequestTimeoutError and releases the connection", async () => {
    server.setHandler((_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.write("first bytes");
    });
    const stream = await client.files.download(
      { fileId: "f0000000-0000-4000-8000-000000000000" },
      { idleTimeoutMs: 150 },
    );
    const reader = stream.getReader();
    const first = await reader.read();
    assert.equal(new TextDecoder().decode(first.value), "first bytes");
    const error = await reader.read().catch((e: unknown) => e);
    assert.ok(error instanceof RequestTimeoutError && error.phase === "idle", String(error));
    await server.waitForNoSockets(2000);
  });

  test("cancelling a download releases the connection", async () => {
    server.setHandler((_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.write(Buffer.alloc(1024));
    });
    const stream = await client.files.download({ fileId: "f0000000-0000-4000-8000-000000000000" });
    const reader = stream.getReader();
    assert.equal((await reader.read()).value?.length, 1024);
    await reader.cancel();
    await server.waitForNoSockets(2000);
  });
});
