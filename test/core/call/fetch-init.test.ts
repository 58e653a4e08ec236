// Fetch's own options of a call, given as the official client takes them:
// flattened into the request options or under `fetchOptions`. Runs on both
// transports (the second pass sends through node:http).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Mistral } from "../../helpers/sdk.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import {
  beginStream,
  chunk,
  clientFor,
  doneEvent,
  drain,
  request,
} from "../../reliability/helpers.js";

const timeout = 20_000;

/** undici's dispatcher interface, as Node's fetch calls it. */
interface Dispatcher {
  dispatch(options: { path: string }, handler: unknown): boolean;
}

/** Node's global undici dispatcher (made by its first fetch). */
async function globalDispatcher(url: string): Promise<Dispatcher> {
  const key = Symbol.for("undici.globalDispatcher.1");
  const find = () => (globalThis as Record<symbol, Dispatcher | undefined>)[key];
  if (!find()) await (await fetch(url)).arrayBuffer();
  const found = find();
  assert.ok(found, "Node's fetch keeps its dispatcher under the undici symbol");
  return found;
}

describe("fetch's own options of a call", { timeout }, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer((_req, res) => {
      beginStream(res);
      res.end(chunk("Hi") + doneEvent);
    });
  });
  after(() => server.close());

  test("fetchOptions.headers are sent when the call gives no headers; headers win over them", async () => {
    const client = clientFor(server);
    const legacy = { fetchOptions: { headers: { "x-tenant": "legacy" } } };
    const { text } = await drain(await client.chat.stream(request, legacy));
    assert.equal(text, "Hi");
    assert.equal(server.requests.at(-1)?.headers["x-tenant"], "legacy");

    await drain(await client.chat.stream(request, { ...legacy, headers: { "x-tenant": "new" } }));
    assert.equal(server.requests.at(-1)?.headers["x-tenant"], "new");
  });

  test("cache, credentials, mode … reach fetch, the top-level ones over fetchOptions'; redirects stay refused", async () => {
    const inits: RequestInit[] = [];
    const client = new Mistral({
      apiKey: "k",
      serverURL: server.url,
      fetch: (url, init) => {
        inits.push(init);
        return fetch(url, init);
      },
    });
    const options = {
      cache: "no-store" as const,
      keepalive: true,
      fetchOptions: {
        cache: "reload" as const,
        credentials: "omit" as const,
        mode: "cors" as const,
      },
    };
    const { text } = await drain(await client.chat.stream(request, options));
    assert.equal(text, "Hi");
    const init = inits.at(-1);
    assert.equal(init?.cache, "no-store");
    assert.equal(init?.keepalive, true);
    assert.equal(init?.credentials, "omit");
    assert.equal(init?.mode, "cors");
    assert.equal(init?.redirect, "manual");
    assert.equal(init?.method, "POST");

    await drain(await client.chat.stream(request));
    const plain = inits.at(-1) ?? {};
    assert.deepEqual(
      ["cache", "keepalive", "credentials", "mode"].filter((k) => k in plain),
      [],
      "a call without fetch options passes none",
    );
  });

  test("a call naming an undici dispatcher is sent through it, on either transport", async () => {
    const inner = await globalDispatcher(`${server.url}/warm`);
    const paths: string[] = [];
    const dispatcher: Dispatcher = {
      dispatch(options, handler) {
        paths.push(options.path);
        return inner.dispatch(options, handler);
      },
    };
    const client = clientFor(server);
    const before = server.requests.length;
    const { text, error } = await drain(
      await client.chat.stream(request, { fetchOptions: { dispatcher } as RequestInit }),
    );
    assert.equal(error, undefined);
    assert.equal(text, "Hi");
    assert.deepEqual(paths, ["/v1/chat/completions"]);
    assert.equal(server.requests.length, before + 1);

    // The next call, without it, does not touch the dispatcher.
    await drain(await client.chat.stream(request));
    assert.equal(paths.length, 1);
  });
});
