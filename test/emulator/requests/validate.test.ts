import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fixturePath } from "../../helpers/paths.js";
import { chat, post, withEmulator } from "../helpers.js";

const fixture = (name: string) =>
  JSON.parse(readFileSync(fixturePath("mistral", "errors", name), "utf8"));

/** Drops pydantic's documentation `url`, which the emulator does not send. */
function withoutUrls(body: { message: { detail: Record<string, unknown>[] } }) {
  return {
    ...body,
    message: { detail: body.message.detail.map(({ url: _url, ...rest }) => rest) },
  };
}

async function errorOf(
  emu: Parameters<typeof post>[0],
  body: unknown,
  path = "/v1/chat/completions",
) {
  const reply = await post(emu, path, body);
  assert.equal(reply.headers.get("content-type"), "application/json");
  return { status: reply.status, body: JSON.parse(reply.text) };
}

describe("emulator request validation", () => {
  it("refuses an empty messages list with a 400, as the API does", async () => {
    await withEmulator({}, async (emu) => {
      const reply = await post(emu, "/v1/chat/completions", {
        model: "mistral-small-latest",
        messages: [],
      });
      assert.equal(reply.status, 400);
      const body = JSON.parse(reply.text) as { object: string; message: string; type: string };
      assert.equal(body.object, "error");
      assert.match(body.message, /at least one message/);
    });
  });

  it("refuses OpenAI's stream_options with the exact recorded 422 extra_forbidden body", async () => {
    await withEmulator({}, async (emu) => {
      const request = chat("hi", { stream: true, stream_options: { include_usage: true } });
      const { status, body } = await errorOf(emu, request);
      assert.equal(status, 422);
      assert.deepEqual(
        body,
        withoutUrls(fixture("issue.2025-03.error-422-stream-options-rejected.json")),
      );
    });
  });

  it("refuses an unknown top-level field with extra_forbidden at its loc", async () => {
    await withEmulator({}, async (emu) => {
      const { status, body } = await errorOf(emu, chat("hi", { max_completion_tokens: 32000 }));
      assert.equal(status, 422);
      assert.deepEqual(body, fixture("issue.2025-12.error-422-max-completion-tokens.json"));
    });
  });

  it("refuses unknown fields inside a message with the exact recorded body, tagged loc included", async () => {
    await withEmulator({}, async (emu) => {
      const request = {
        model: "mistral-small-latest",
        messages: [{ role: "user", content: "hi", name: null, tool_calls: null }],
      };
      const { status, body } = await errorOf(emu, request);
      assert.equal(status, 422);
      assert.deepEqual(body, fixture("issue.2024-05.error-422-extra-forbidden-no-url.json"));
    });
  });

  it("reports missing and ill-typed fields with their loc", async () => {
    await withEmulator({}, async (emu) => {
      const missing = await errorOf(emu, { model: "mistral-small-latest" });
      assert.equal(missing.status, 422);
      assert.deepEqual(missing.body.message.detail, [
        {
          type: "missing",
          loc: ["body", "messages"],
          msg: "Field required",
          input: { model: "mistral-small-latest" },
        },
      ]);
      const typed = await errorOf(emu, chat("hi", { temperature: "hot", max_tokens: -1, n: 1.5 }));
      assert.deepEqual(
        typed.body.message.detail.map((d: { type: string; loc: unknown[] }) => [d.type, d.loc]),
        [
          ["float_type", ["body", "temperature"]],
          ["greater_than_equal", ["body", "max_tokens"]],
          ["int_from_float", ["body", "n"]],
        ],
      );
      assert.equal(typed.body.type, "invalid_request_error");
    });
  });

  it("points at the broken part of a malformed message", async () => {
    await withEmulator({}, async (emu) => {
      const badRole = await errorOf(emu, {
        model: "mistral-small-latest",
        messages: [{ role: "bot", content: "hi" }],
      });
      assert.equal(badRole.status, 422);
      assert.equal(badRole.body.message.detail[0].type, "union_tag_invalid");
      assert.deepEqual(badRole.body.message.detail[0].loc, ["body", "messages", 0]);
      const badChunk = await errorOf(emu, {
        model: "mistral-small-latest",
        messages: [{ role: "user", content: [{ type: "text", txt: "hi" }] }],
      });
      assert.deepEqual(
        badChunk.body.message.detail.map((d: { type: string; loc: unknown[] }) => [d.type, d.loc]),
        [
          ["missing", ["body", "messages", 0, "user", "content", 0, "text", "text"]],
          ["extra_forbidden", ["body", "messages", 0, "user", "content", 0, "text", "txt"]],
        ],
      );
      const badTool = await errorOf(
        emu,
        chat("hi", { tools: [{ type: "function", function: { name: "f" } }] }),
      );
      assert.deepEqual(badTool.body.message.detail[0].loc, [
        "body",
        "tools",
        0,
        "function",
        "function",
        "parameters",
      ]);
    });
  });

  it("answers a body that is not JSON, or empty, with a 422 like the API's validation layer", async () => {
    await withEmulator({}, async (emu) => {
      const broken = await errorOf(emu, '{"model": "mistral-small-latest",');
      assert.equal(broken.status, 422);
      assert.equal(broken.body.message.detail[0].type, "json_invalid");
      const empty = await errorOf(emu, "");
      assert.equal(empty.status, 422);
      assert.deepEqual(empty.body.message.detail[0].loc, ["body"]);
    });
  });

  it("refuses an unknown model with the recorded 400 invalid_model body, stream or not", async () => {
    await withEmulator({}, async (emu) => {
      for (const name of [
        "rig.2026.error-400-invalid-model",
        "rig.2026.error-400-invalid-model-stream",
      ]) {
        const request = fixture(`${name}.request.json`);
        const { status, body } = await errorOf(emu, request);
        assert.equal(status, 400);
        assert.deepEqual(body, fixture(`${name}.response.json`));
        assert.deepEqual(Object.keys(body), [
          "object",
          "message",
          "type",
          "param",
          "code",
          "raw_status_code",
        ]);
      }
    });
  });

  it("refuses a conversation that ends with a plain assistant message", async () => {
    await withEmulator({}, async (emu) => {
      const request = {
        model: "mistral-small-latest",
        messages: [
          { role: "user", content: "hi" },
          { role: "assistant", content: "hello" },
        ],
      };
      const { status, body } = await errorOf(emu, request);
      assert.equal(status, 400);
      assert.equal(body.type, "invalid_request_message_order");
      const prefixed = {
        ...request,
        messages: [request.messages[0], { role: "assistant", content: "Sure:", prefix: true }],
      };
      const ok = await post(emu, "/v1/chat/completions", prefixed);
      assert.equal(ok.status, 200);
      assert.match(JSON.parse(ok.text).choices[0].message.content, /^Sure: /);
    });
  });

  it("needs the API key when started with one: 401 without it, the recorded body with a wrong one", async () => {
    await withEmulator({ apiKey: "secret" }, async (emu) => {
      const none = await errorOf(emu, chat("hi"));
      assert.equal(none.status, 401);
      assert.deepEqual(none.body, fixture("issue.2025-06.error-401-detail-unauthorized.json"));
      const wrong = await post(emu, "/v1/chat/completions", chat("hi"), {
        authorization: "Bearer nope",
      });
      assert.equal(wrong.status, 401);
      assert.deepEqual(
        JSON.parse(wrong.text),
        fixture("rig.2026.error-401-invalid-api-key.response.json"),
      );
      const right = await post(emu, "/v1/chat/completions", chat("hi"), {
        authorization: "Bearer secret",
      });
      assert.equal(right.status, 200);
      const models = await fetch(`${emu.url}/v1/models`);
      assert.equal(models.status, 401);
    });
  });
});
