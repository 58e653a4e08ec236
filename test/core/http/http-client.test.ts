import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { HTTPClient as OfficialHTTPClient } from "@mistralai/mistralai/lib/http.js";
import {
  ConnectionError,
  HTTPClient,
  IncompleteStreamError,
  InvalidRequestError,
  Mistral,
  ServerError,
} from "../../helpers/sdk.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import {
  beginStream,
  chunk,
  clientFor,
  destroyWhenFlushed,
  doneEvent,
  drain,
  request,
} from "../../reliability/helpers.js";

const timeout = 20_000;

describe("httpClient: HTTPClient hooks around each attempt", { timeout }, () => {
  let server: TestServer;
  /** How the next requests are answered: "ok" streams "Hello", "503" fails, "cut" stops before `[DONE]`. */
  let plan: Array<"ok" | "503" | "cut"> = [];
  before(async () => {
    server = await startTestServer((_req, res) => {
      const step = plan.shift() ?? "ok";
      if (step === "503") {
        res.writeHead(503, { "content-type": "application/json" });
        res.end('{"message":"busy"}');
        return;
      }
      beginStream(res);
      res.write(chunk("Hel") + chunk("lo"));
      if (step === "cut") destroyWhenFlushed(res);
      else res.end(doneEvent);
    });
  });
  after(() => server.close());

  test("a beforeRequest hook's headers reach the server, and the response hook sees the response", async () => {
    const seen: Array<[number, string]> = [];
    const http = new HTTPClient()
      .addHook("beforeRequest", (req) => {
        const next = new Request(req);
        next.headers.set("x-trace", "t-1");
        return next;
      })
      .addHook("response", (res, req) => {
        seen.push([res.status, new URL(req.url).pathname]);
      });
    await using stream = await clientFor(server, { httpClient: http }).chat.stream(request);
    const { text, error } = await drain(stream);
    assert.equal(error, undefined);
    assert.equal(text, "Hello");
    assert.equal(server.requests.at(-1)?.headers["x-trace"], "t-1");
    assert.equal(server.requests.at(-1)?.headers.authorization, "Bearer test-key");
    assert.deepEqual(seen, [[200, "/v1/chat/completions"]]);
    // The hooks work on fetch's objects, so an httpClient selects fetch on Node too.
    assert.ok(stream.rawResponse instanceof Response);
  });

  test("each retry goes through the hooks again", async () => {
    plan = ["503"];
    const before: number[] = [];
    const statuses: number[] = [];
    const http = new HTTPClient()
      .addHook("beforeRequest", () => {
        before.push(before.length + 1);
      })
      .addHook("response", (res) => {
        statuses.push(res.status);
      });
    const client = new Mistral({
      apiKey: "k",
      serverURL: server.url,
      httpClient: http,
      retryConfig: { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 5 } },
    });
    const { text } = await drain(await client.chat.stream(request));
    assert.equal(text, "Hello");
    assert.deepEqual(before, [1, 2]);
    assert.deepEqual(statuses, [503, 200]);
  });

  test("an HTTP error is still typed, and a cut stream still fails with IncompleteStreamError", async () => {
    plan = ["503"];
    await assert.rejects(
      clientFor(server, { httpClient: new HTTPClient() }).chat.stream(request),
      ServerError,
    );
    plan = ["cut"];
    const stream = await clientFor(server, { httpClient: new HTTPClient() }).chat.stream(request);
    const { text, error } = await drain(stream);
    assert.ok(error instanceof IncompleteStreamError, String(error));
    assert.equal(text, "Hello");
    await server.waitForNoSockets(5_000);
  });

  test("a requestError hook sees a connection failure, which still rejects as ConnectionError", async () => {
    const failures: unknown[] = [];
    const http = new HTTPClient().addHook("requestError", (error, req) => {
      failures.push([error, req.method]);
    });
    const client = new Mistral({
      apiKey: "k",
      serverURL: "http://127.0.0.1:9",
      httpClient: http,
      retryConfig: { strategy: "none" },
    });
    await assert.rejects(client.chat.complete(request), ConnectionError);
    assert.equal(failures.length, 1);
    assert.equal((failures[0] as unknown[])[1], "POST");
  });

  test("a hook that throws fails the attempt as a ConnectionError caused by what it threw", async () => {
    const thrown = new Error("no trace id");
    const http = new HTTPClient().addHook("beforeRequest", () => {
      throw thrown;
    });
    const before = server.requests.length;
    await assert.rejects(
      clientFor(server, { httpClient: http }).chat.stream(request),
      (e: unknown) => {
        assert.ok(e instanceof ConnectionError, String(e));
        assert.equal(e.cause, thrown);
        return true;
      },
    );
    assert.equal(server.requests.length, before, "nothing was sent");
  });

  test("the fetcher option sends; removeHook and clone keep hooks apart", async () => {
    const sent: string[] = [];
    const marks: string[] = [];
    const mark = (name: string) => () => {
      marks.push(name);
    };
    const a = mark("a");
    const http = new HTTPClient({
      fetcher: (input, init) => {
        sent.push(input instanceof Request ? input.url : String(input));
        return fetch(input, init);
      },
    }).addHook("beforeRequest", a);
    const copy = http.clone().addHook("beforeRequest", mark("copy"));
    http.removeHook("beforeRequest", a);
    await drain(await clientFor(server, { httpClient: http }).chat.stream(request));
    await drain(await clientFor(server, { httpClient: copy }).chat.stream(request));
    assert.deepEqual(marks, ["a", "copy"]);
    assert.deepEqual(sent, [
      `${server.url}/v1/chat/completions`,
      `${server.url}/v1/chat/completions`,
    ]);
    assert.throws(
      () => http.addHook("afterRequest" as "response", () => {}),
      (e: unknown) => e instanceof InvalidRequestError && /afterRequest/.test(e.message),
    );
  });

  test("the official client's HTTPClient works here, and its hooks see the same request as there", async () => {
    const headers: Array<string | null> = [];
    const http = new OfficialHTTPClient().addHook("beforeRequest", (req) => {
      headers.push(req.headers.get("accept"));
    });
    const { text } = await drain(
      await clientFor(server, { httpClient: http }).chat.stream(request),
    );
    assert.equal(text, "Hello");
    assert.deepEqual(headers, ["text/event-stream"]);
  });

  test("an httpClient with fetch or another transport, or without request(), is refused", () => {
    const cases: Array<[ConstructorParameters<typeof Mistral>[0], RegExp]> = [
      [{ httpClient: new HTTPClient(), fetch: globalThis.fetch }, /httpClient .*without fetch/],
      [
        { httpClient: new HTTPClient(), transport: "node" },
        /httpClient .*without fetch or transport/,
      ],
      [{ httpClient: {} as HTTPClient }, /httpClient must have the methods request, got an object/],
    ];
    for (const [options, message] of cases) {
      assert.throws(
        () => new Mistral(options),
        (e: unknown) => e instanceof InvalidRequestError && message.test(e.message),
      );
    }
    // `transport: "fetch"` is what an httpClient uses anyway.
    assert.ok(new Mistral({ httpClient: new HTTPClient(), transport: "fetch" }));
  });
});
