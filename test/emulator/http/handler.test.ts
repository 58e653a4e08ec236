import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chunksOf, post, streamedText, withEmulator } from "../helpers.js";

describe("emulator endpoints", () => {
  it("completes code between a prompt and a suffix with a codestral model, stream and not", async () => {
    await withEmulator({}, async (emu) => {
      const body = {
        model: "codestral-latest",
        prompt: "def add(a, b):",
        suffix: "print(add(1, 2))",
      };
      const whole = await post(emu, "/v1/fim/completions", body);
      assert.equal(whole.status, 200);
      const parsed = JSON.parse(whole.text);
      assert.equal(parsed.object, "chat.completion");
      assert.equal(parsed.model, "codestral-latest");
      const code: string = parsed.choices[0].message.content;
      assert.match(code, /return/);
      assert.match(code, /a \+ b/);
      const streamed = await post(emu, "/v1/fim/completions", { ...body, stream: true });
      assert.equal(streamed.headers.get("content-type"), "text/event-stream; charset=utf-8");
      assert.equal(streamedText(chunksOf(streamed.text)), code);
      assert.ok(streamed.text.endsWith("data: [DONE]\n\n"));
    });
  });

  it("refuses FIM on a model without it, and validates FIM bodies", async () => {
    await withEmulator({}, async (emu) => {
      const wrongModel = await post(emu, "/v1/fim/completions", {
        model: "mistral-small-latest",
        prompt: "def",
      });
      assert.equal(wrongModel.status, 400);
      assert.equal(JSON.parse(wrongModel.text).type, "invalid_model");
      const noPrompt = await post(emu, "/v1/fim/completions", {
        model: "codestral-latest",
        messages: [],
      });
      assert.equal(noPrompt.status, 422);
      const locs = JSON.parse(noPrompt.text).message.detail.map((d: { loc: unknown[] }) => d.loc);
      assert.deepEqual(locs, [
        ["body", "prompt"],
        ["body", "messages"],
      ]);
    });
  });

  it("answers agents completions, which take agent_id instead of model", async () => {
    await withEmulator({ agentModel: "mistral-large-latest" }, async (emu) => {
      const body = {
        agent_id: "ag:3996db2b:20240805:french-agent:a8997aab",
        messages: [{ role: "user", content: "Explain bees" }],
        stream: true,
      };
      const reply = await post(emu, "/v1/agents/completions", body);
      assert.equal(reply.status, 200);
      const chunks = chunksOf(reply.text);
      assert.equal(chunks[0]?.model, "mistral-large-latest");
      assert.ok(streamedText(chunks).length > 20);
      const withModel = await post(emu, "/v1/agents/completions", {
        ...body,
        model: "mistral-small-latest",
      });
      assert.equal(withModel.status, 422);
      assert.equal(JSON.parse(withModel.text).message.detail[0].type, "extra_forbidden");
      const noAgent = await post(emu, "/v1/agents/completions", { messages: body.messages });
      assert.deepEqual(JSON.parse(noAgent.text).message.detail[0].loc, ["body", "agent_id"]);
    });
  });

  it("lists models and retrieves one by id or alias", async () => {
    await withEmulator({}, async (emu) => {
      const list = await (await fetch(`${emu.url}/v1/models`)).json();
      assert.equal(list.object, "list");
      const ids = list.data.map((m: { id: string }) => m.id);
      for (const id of [
        "mistral-small-latest",
        "codestral-latest",
        "magistral-medium-latest",
        "mistral-tiny",
      ]) {
        assert.ok(ids.includes(id), id);
      }
      const card = await (await fetch(`${emu.url}/v1/models/magistral-medium-2509`)).json();
      assert.equal(card.id, "magistral-medium-2509");
      assert.equal(card.object, "model");
      assert.equal(card.capabilities.reasoning, true);
      assert.ok(card.aliases.includes("magistral-medium-latest"));
      const missing = await fetch(`${emu.url}/v1/models/no-such-model`);
      assert.equal(missing.status, 404);
      await missing.body?.cancel();
    });
  });

  it("answers CORS preflight and exposes its headers so a browser page can stream", async () => {
    await withEmulator({}, async (emu) => {
      const preflight = await fetch(`${emu.url}/v1/chat/completions`, {
        method: "OPTIONS",
        headers: {
          origin: "http://localhost:5173",
          "access-control-request-method": "POST",
          "access-control-request-headers":
            "authorization, content-type, x-emulator-fault, x-custom",
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get("access-control-allow-origin"), "http://localhost:5173");
      assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /POST/);
      const allowed = preflight.headers.get("access-control-allow-headers") ?? "";
      for (const h of ["authorization", "content-type", "x-emulator-fault", "x-custom"])
        assert.match(allowed, new RegExp(h));
      const reply = await post(
        emu,
        "/v1/chat/completions",
        { model: "mistral-small-latest", messages: [{ role: "user", content: "hi" }] },
        { origin: "http://localhost:5173" },
      );
      assert.equal(reply.headers.get("access-control-allow-origin"), "http://localhost:5173");
      assert.match(
        reply.headers.get("access-control-expose-headers") ?? "",
        /mistral-correlation-id/,
      );
      assert.match(reply.headers.get("access-control-expose-headers") ?? "", /x-emulator-fault/);
    });
  });

  it("answers unknown paths with 404 and wrong methods with 405", async () => {
    await withEmulator({}, async (emu) => {
      const notFound = await fetch(`${emu.url}/v1/nothing`);
      assert.equal(notFound.status, 404);
      assert.deepEqual(await notFound.json(), { detail: "Not Found" });
      const wrongMethod = await fetch(`${emu.url}/v1/chat/completions`);
      assert.equal(wrongMethod.status, 405);
      await wrongMethod.body?.cancel();
    });
  });

  it("refuses to listen on a non-loopback host unless allowed", async () => {
    const { startEmulator } = await import("../../../src/emulator/index.js");
    await assert.rejects(startEmulator({ host: "0.0.0.0" }), /non-loopback/);
  });
});
