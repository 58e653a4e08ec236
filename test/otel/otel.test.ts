// mistral-stream/otel against the emulator, recorded with the OpenTelemetry
// SDK's in-memory exporter: one span per call with the GenAI attributes,
// streams ended however they end, errors recorded, text only when asked for.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { SpanStatusCode } from "@opentelemetry/api";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { Mistral, UnauthorizedError } from "../../src/core/index.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { instrument } from "../../src/otel/index.js";
import { repoRoot } from "../helpers/paths.js";

const messages = [{ role: "user" as const, content: "Reply with exactly: traced answer" }];

describe("OpenTelemetry spans (mistral-stream/otel)", () => {
  let emulator: RunningEmulator;
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer("test");
  let client: Mistral;
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    client = instrument(
      new Mistral({ serverURL: emulator.url, retryConfig: { strategy: "none" } }),
      { tracer },
    );
  });
  after(async () => {
    await emulator.close();
    await provider.shutdown();
  });
  const spans = (): ReadableSpan[] => {
    const all = exporter.getFinishedSpans();
    exporter.reset();
    return all;
  };

  test("a stream records one span with the GenAI attributes once it ends", async () => {
    const stream = await client.chat.stream({
      model: "mistral-small-latest",
      messages,
      temperature: 0.2,
      maxTokens: 50,
    });
    assert.equal(exporter.getFinishedSpans().length, 0, "the span is still open while streaming");
    const response = await stream.finalResponse();
    const [span, ...rest] = spans();
    assert.equal(rest.length, 0);
    assert.ok(span);
    assert.equal(span.name, "chat mistral-small-latest");
    const a = span.attributes;
    assert.equal(a["gen_ai.operation.name"], "chat");
    assert.equal(a["gen_ai.provider.name"], "mistral_ai");
    assert.equal(a["gen_ai.system"], "mistral_ai");
    assert.equal(a["gen_ai.request.model"], "mistral-small-latest");
    assert.equal(a["gen_ai.request.temperature"], 0.2);
    assert.equal(a["gen_ai.request.max_tokens"], 50);
    assert.equal(a["gen_ai.request.stream"], true);
    assert.equal(a["gen_ai.response.id"], response.id);
    assert.equal(a["gen_ai.response.model"], response.model);
    assert.deepEqual(a["gen_ai.response.finish_reasons"], ["stop"]);
    assert.equal(a["gen_ai.usage.input_tokens"], response.usage.promptTokens);
    assert.equal(a["gen_ai.usage.output_tokens"], response.usage.completionTokens);
    assert.equal(typeof a["gen_ai.response.time_to_first_chunk"], "number");
    assert.equal(a["gen_ai.input.messages"], undefined, "no prompt text unless asked for");
    assert.equal(a["gen_ai.output.messages"], undefined, "no answer text unless asked for");
    assert.equal(span.status.code, SpanStatusCode.UNSET);
  });

  test("complete(), fim and agents record their operations", async () => {
    await client.chat.complete({ model: "mistral-small-latest", messages });
    await (
      await client.fim.stream({ model: "codestral-latest", prompt: "def add(a, b):" })
    ).finalResponse();
    const names = spans().map((s) => [
      s.name,
      s.attributes["gen_ai.operation.name"],
      s.attributes["gen_ai.request.stream"],
    ]);
    assert.deepEqual(names, [
      ["chat mistral-small-latest", "chat", false],
      ["text_completion codestral-latest", "text_completion", true],
    ]);
  });

  test("a failed call and a cut stream are recorded as errors with their class", async () => {
    const refused = instrument(
      new Mistral({ serverURL: emulator.url, retryConfig: { strategy: "none" } }),
      { tracer },
    );
    await assert.rejects(
      refused.chat.stream(
        { model: "mistral-small-latest", messages },
        { headers: { "x-emulator-fault": "status=401" } },
      ),
      UnauthorizedError,
    );
    const cut = await client.chat.stream(
      {
        model: "mistral-small-latest",
        messages: [{ role: "user", content: "Say something long." }],
      },
      {
        headers: { "x-emulator-fault": "drop-after-events=3" },
      },
    );
    await cut.finalResponse().catch(() => {});
    const [http, stream] = spans();
    assert.equal(http?.attributes["error.type"], "UnauthorizedError");
    assert.equal(http?.attributes["http.response.status_code"], 401);
    assert.equal(http?.status.code, SpanStatusCode.ERROR);
    assert.equal(stream?.attributes["error.type"], "IncompleteStreamError");
    assert.equal(
      stream?.events.some((e) => e.name === "exception"),
      true,
    );
  });

  test("with recordContent the prompt and the answer are recorded; a stream left early still ends its span", async () => {
    const recording = instrument(new Mistral({ serverURL: emulator.url }), {
      tracer,
      recordContent: true,
    });
    const response = await recording.chat.complete({ model: "mistral-small-latest", messages });
    const early = await recording.chat.stream({
      model: "mistral-small-latest",
      messages: [{ role: "user", content: "Say something long." }],
    });
    for await (const _ of early) break;
    const [whole, left] = spans();
    assert.deepEqual(JSON.parse(String(whole?.attributes["gen_ai.input.messages"])), [
      { role: "user", parts: [{ type: "text", content: messages[0]!.content }] },
    ]);
    const output = JSON.parse(String(whole?.attributes["gen_ai.output.messages"]));
    assert.equal(output[0].parts[0].content, response.choices[0]?.message?.content);
    assert.equal(left?.attributes["mistral_stream.stream.closed_early"], true);
    assert.equal(instrument(recording), recording, "instrumenting twice changes nothing");
  });

  test("conversation turns record spans: chat for a model, invoke_agent for an agent, with the conversation id", async () => {
    const stream = await client.beta.conversations.startStream({
      model: "mistral-small-latest",
      inputs: "Reply with exactly: traced turn",
      completionArgs: { temperature: 0.4 },
    });
    assert.equal(exporter.getFinishedSpans().length, 0, "open while streaming");
    const first = await stream.finalResponse();
    const agent = await client.beta.agents.create({ model: "mistral-medium-latest", name: "A" });
    const byAgent = await client.beta.conversations.start({ agentId: agent.id, inputs: "hi" });
    await client.beta.conversations.append({
      conversationId: first.conversationId,
      conversationAppendRequest: { inputs: "again" },
    });
    await assert.rejects(
      client.beta.conversations.append({
        conversationId: "conv_missing",
        conversationAppendRequest: { inputs: "x" },
      }),
    );
    const [streamed, agentTurn, appended, missing, ...rest] = spans();
    assert.equal(rest.length, 0, "agents.create records no span");
    assert.equal(streamed?.name, "chat mistral-small-latest");
    assert.equal(streamed?.attributes["gen_ai.request.stream"], true);
    assert.equal(streamed?.attributes["gen_ai.request.temperature"], 0.4);
    assert.equal(streamed?.attributes["gen_ai.conversation.id"], first.conversationId);
    assert.equal(streamed?.attributes["gen_ai.usage.output_tokens"], first.usage.completionTokens);
    assert.equal(agentTurn?.attributes["gen_ai.operation.name"], "invoke_agent");
    assert.equal(agentTurn?.attributes["gen_ai.agent.id"], agent.id);
    assert.equal(agentTurn?.attributes["gen_ai.conversation.id"], byAgent.conversationId);
    assert.equal(appended?.attributes["gen_ai.conversation.id"], first.conversationId);
    assert.equal(appended?.attributes["gen_ai.request.stream"], false);
    assert.equal(missing?.attributes["error.type"], "NotFoundError");
    assert.equal(missing?.status.code, SpanStatusCode.ERROR);
    assert.equal(streamed?.attributes["gen_ai.input.messages"], undefined);
  });

  test("the core never loads OpenTelemetry: no reference to it in the built core", () => {
    const core = readFileSync(join(repoRoot, "dist", "core", "index.js"), "utf8");
    assert.doesNotMatch(core, /@opentelemetry|gen_ai\./);
  });
});
