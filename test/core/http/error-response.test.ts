import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { fixturePath } from "../../helpers/paths.js";
import {
  BadRequestError,
  HTTPValidationError,
  Mistral,
  MistralError,
  RateLimitError,
  SDKError,
  ServerError,
  UnauthorizedError,
} from "../../helpers/sdk.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";

const errorsDir = fixturePath("mistral", "errors");
const bodies = readdirSync(errorsDir).filter(
  (f) => f.endsWith(".json") && !f.endsWith(".request.json"),
);

function statusOf(name: string): number {
  const match = /error-(\d{3})/.exec(name);
  return match ? Number(match[1]) : 429;
}

/** The server's own words in a body, whatever its shape. */
function serverWords(value: unknown): string {
  if (typeof value === "string") {
    try {
      return serverWords(JSON.parse(value));
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return serverWords(value[0]);
  const record = value as Record<string, unknown>;
  if (record.message !== undefined) return serverWords(record.message);
  if (record.detail !== undefined) return serverWords(record.detail);
  return String(record.msg);
}

const classFor: Record<number, new (...args: never[]) => SDKError> = {
  400: BadRequestError,
  401: UnauthorizedError,
  422: HTTPValidationError,
  429: RateLimitError,
};

describe("HTTP error responses", () => {
  let server: TestServer;
  let reply: { status: number; body: string; type: string } = { status: 500, body: "", type: "" };
  before(async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(reply.status, {
        "content-type": reply.type,
        "mistral-correlation-id": "req-1",
      });
      res.end(reply.body);
    });
  });
  after(() => server.close());
  const client = () =>
    new Mistral({ apiKey: "k", serverURL: server.url, retryConfig: { strategy: "none" } });
  const request = {
    model: "mistral-small-latest",
    messages: [{ role: "user" as const, content: "hi" }],
  };

  for (const name of bodies) {
    for (const method of ["stream", "complete"] as const) {
      test(`${name} via chat.${method} rejects with a typed error quoting the server`, async () => {
        const body = readFileSync(`${errorsDir}/${name}`, "utf8");
        const status = statusOf(name);
        reply = { status, body, type: "application/json" };
        const error = await client()
          .chat[method](request)
          .then(
            () => assert.fail("expected a rejection"),
            (e: unknown) => e,
          );
        assert.ok(error instanceof SDKError, String(error));
        assert.ok(error instanceof MistralError);
        const Expected = classFor[status];
        if (Expected) assert.ok(error instanceof Expected, `${error.name} for ${status}`);
        assert.equal(error.statusCode, status);
        assert.equal(error.body, body);
        assert.deepEqual(error.data, JSON.parse(body));
        assert.equal(error.requestId, "req-1");
        assert.equal(error.rawResponse?.status, status);
        const words = serverWords(JSON.parse(body));
        assert.ok(error.message.includes(words), `${error.message} should include ${words}`);
      });
    }
  }

  test("a 422 exposes the validation detail list", async () => {
    const body = readFileSync(`${errorsDir}/issue.2026-04.error-422-bare-detail-list.json`, "utf8");
    reply = { status: 422, body, type: "application/json" };
    const error = await client()
      .chat.complete(request)
      .catch((e: unknown) => e);
    assert.ok(error instanceof HTTPValidationError);
    assert.equal(error.detail?.length, 2);
    assert.deepEqual(error.detail?.[0]?.loc, ["body", "store"]);
    assert.match(error.message, /body\.store: Extra inputs are not permitted/);
  });

  test("an HTML page from a proxy yields a readable message with the status", async () => {
    reply = {
      status: 502,
      type: "text/html",
      body: "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
    };
    const error = await client()
      .chat.stream(request)
      .catch((e: unknown) => e);
    assert.ok(error instanceof ServerError);
    assert.equal(error.statusCode, 502);
    assert.equal(error.data, undefined);
    assert.match(error.message, /502/);
    assert.match(error.message, /Bad Gateway/);
    assert.doesNotMatch(error.message, /<html>/);
  });

  test("a 200 answer to a stream request that is not an event stream is a typed error", async () => {
    reply = { status: 200, type: "text/html", body: "<html><title>Captive portal</title></html>" };
    const error = await client()
      .chat.stream(request)
      .catch((e: unknown) => e);
    assert.ok(error instanceof MistralError);
    assert.equal(error.name, "ResponseValidationError");
    assert.match(error.message, /Captive portal/);
  });

  test("a 200 non-stream answer that is not JSON is a typed error", async () => {
    reply = { status: 200, type: "application/json", body: "{not json" };
    const error = await client()
      .chat.complete(request)
      .catch((e: unknown) => e);
    assert.ok(error instanceof MistralError);
    assert.equal(error.name, "ResponseValidationError");
    assert.match(error.message, /\{not json/);
  });
});
