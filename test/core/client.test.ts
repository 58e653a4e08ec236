import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import {
  type CompletionEvent,
  type EventStream,
  HTTPValidationError,
  IncompleteStreamError,
  InvalidRequestError,
  MalformedChunkError,
  Mistral,
  NotFoundError,
  RateLimitError,
  RequestTimeoutError,
  StreamServerError,
  UnauthorizedError,
} from "../helpers/sdk.js";

const user = (content: string) => ({ role: "user" as const, content });

async function textOf(stream: EventStream<CompletionEvent>): Promise<string> {
  let text = "";
  for await (const event of stream) {
    const content = event.data.choices[0]?.delta.content;
    if (typeof content === "string") text += content;
  }
  return text;
}

describe("the client against the local emulator", () => {
  let emulator: RunningEmulator;
  let client: Mistral;
  before(async () => {
    emulator = await startEmulator({ tokensPerSecond: 0, timeToFirstTokenMs: 0 });
    client = new Mistral({
      serverURL: emulator.url,
      retryConfig: {
        strategy: "backoff",
        backoff: { initialInterval: 10, maxInterval: 50 },
        maxRetries: 3,
      },
    });
  });
  after(() => emulator.close());

  test("a streamed answer and a whole answer to the same request say the same thing", async () => {
    const request = {
      model: "mistral-small-latest",
      messages: [user("Write a haiku about rivers.")],
      randomSeed: 7,
    };
    const streamed = await textOf(await client.chat.stream(request));
    const whole = await client.chat.complete(request);
    assert.ok(streamed.length > 20);
    assert.equal(whole.choices[0]?.message?.content, streamed);
    assert.equal(whole.choices[0]?.finishReason, "stop");
    assert.ok(whole.usage.completionTokens > 0);
  });

  test("maxTokens ends with finish_reason length and usage on the last chunk", async () => {
    const stream = await client.chat.stream({
      model: "mistral-small-latest",
      messages: [user("Tell a long story.")],
      maxTokens: 5,
    });
    let last: CompletionEvent | undefined;
    for await (const event of stream) last = event;
    assert.equal(last?.data.choices[0]?.finishReason, "length");
    assert.equal(last?.data.usage?.completionTokens, 5);
  });

  test("a forced tool call arrives with JSON arguments, and tool results lead to a final answer", async () => {
    const tools = [
      {
        type: "function" as const,
        function: {
          name: "get_weather",
          description: "Weather for a city",
          parameters: {
            type: "object",
            properties: { city: { type: "string" } },
            required: ["city"],
          },
        },
      },
    ];
    const messages = [user("What is the weather in Paris?")];
    const first = await client.chat.complete({
      model: "mistral-small-latest",
      messages,
      tools,
      toolChoice: "any",
    });
    const call = first.choices[0]?.message?.toolCalls?.[0];
    assert.ok(call?.id);
    assert.equal(call.function.name, "get_weather");
    const args = JSON.parse(String(call.function.arguments));
    assert.equal(typeof args.city, "string");
    const final = await textOf(
      await client.chat.stream({
        model: "mistral-small-latest",
        tools,
        messages: [
          ...messages,
          { role: "assistant", content: "", toolCalls: [call] },
          { role: "tool", toolCallId: call.id, name: "get_weather", content: '{"temp": 12}' },
        ],
      }),
    );
    assert.ok(final.length > 0);
  });

  test("a reasoning model streams thinking chunks before the answer", async () => {
    const stream = await client.chat.stream({
      model: "magistral-small-latest",
      messages: [user("Is 17 prime?")],
    });
    let thinking = 0;
    let text = "";
    for await (const event of stream) {
      const content = event.data.choices[0]?.delta.content;
      if (Array.isArray(content)) thinking += content.filter((c) => c.type === "thinking").length;
      else if (typeof content === "string") text += content;
    }
    assert.ok(thinking > 0);
    assert.ok(text.length > 0);
  });

  test("a 422 from the emulator is an HTTPValidationError", async () => {
    const request = { model: "mistral-small-latest", messages: [user("hi")] };
    const error = await client.chat
      .complete(request, { headers: { "x-emulator-fault": "status=422" } })
      .catch((e: unknown) => e);
    assert.ok(error instanceof HTTPValidationError, String(error));
  });

  test("a 429 with Retry-After is retried and then succeeds", async () => {
    const text = await textOf(
      await client.chat.stream(
        { model: "mistral-small-latest", messages: [user("Reply with exactly: retried fine")] },
        { headers: { "x-emulator-fault": "status=429;count=2;retry-after=0;id=e2e-429" } },
      ),
    );
    assert.equal(text, "retried fine");
  });

  test("without retries the 429 is a RateLimitError", async () => {
    const error = await client.chat
      .stream(
        { model: "mistral-small-latest", messages: [user("hi")] },
        {
          retries: { strategy: "none" },
          headers: { "x-emulator-fault": "status=429;count=1;id=e2e-429b" },
        },
      )
      .catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitError, String(error));
    assert.equal(error.retryAfterMs, 1000);
  });

  const faults: Array<[string, new (...args: never[]) => Error]> = [
    ["drop-after-events=3", IncompleteStreamError],
    ["drop-after-bytes=100", IncompleteStreamError],
    ["no-done", IncompleteStreamError],
    ["malformed-after-events=2", MalformedChunkError],
    ["finish=error;after-events=2", StreamServerError],
    ["error-event;after-events=2", StreamServerError],
  ];
  for (const [fault, Expected] of faults) {
    test(`the emulator fault ${fault} surfaces as ${Expected.name}`, async () => {
      const stream = await client.chat.stream(
        { model: "mistral-small-latest", messages: [user("Write two sentences about the sea.")] },
        { headers: { "x-emulator-fault": fault } },
      );
      const error = await textOf(stream).catch((e: unknown) => e);
      assert.ok(error instanceof Expected, `${fault}: ${String(error)}`);
    });
  }

  test("a stall with keep-alive comments trips the idle timeout", async () => {
    const stream = await client.chat.stream(
      { model: "mistral-small-latest", messages: [user("hi")] },
      {
        idleTimeoutMs: 200,
        headers: { "x-emulator-fault": "stall-ms=3000;after-events=2;keepalive-ms=50" },
      },
    );
    const error = await textOf(stream).catch((e: unknown) => e);
    assert.ok(error instanceof RequestTimeoutError, String(error));
    assert.equal(error.phase, "idle");
  });

  test("fim.stream and fim.complete fill in the middle with the same text", async () => {
    const request = {
      model: "codestral-latest",
      prompt: "def add(a, b):\n",
      suffix: "\n\nprint(add(1, 2))",
    };
    const streamed = await textOf(await client.fim.stream(request));
    const whole = await client.fim.complete(request);
    assert.ok(streamed.length > 0);
    assert.equal(whole.choices[0]?.message?.content, streamed);
    await assert.rejects(
      client.fim.complete({ model: "codestral-latest" } as never),
      InvalidRequestError,
    );
  });

  test("agents.stream and agents.complete answer for an agent id", async () => {
    const request = { agentId: "ag:demo", messages: [user("Reply with exactly: agent here")] };
    assert.equal(await textOf(await client.agents.stream(request)), "agent here");
    const whole = await client.agents.complete(request);
    assert.equal(whole.choices[0]?.message?.content, "agent here");
    await assert.rejects(client.agents.stream({ messages: [] } as never), InvalidRequestError);
  });

  test("models.list and models.retrieve return camelCase model cards", async () => {
    const list = await client.models.list();
    assert.ok((list.data?.length ?? 0) > 3);
    const small = list.data?.find(
      (card) => card.type === "base" && card.id === "mistral-small-latest",
    );
    assert.ok(small && small.type === "base");
    assert.equal(small.capabilities.completionChat, true);
    const card = await client.models.retrieve({ modelId: "mistral-small-latest" });
    assert.equal(card.type === "base" ? card.id : undefined, "mistral-small-latest");
    await assert.rejects(client.models.retrieve({ modelId: "no-such-model" }), NotFoundError);
  });

  test("an emulator started with a key answers 401 to a wrong key", async () => {
    const locked = await startEmulator({ apiKey: "right", tokensPerSecond: 0 });
    try {
      const wrong = new Mistral({ apiKey: "wrong", serverURL: locked.url });
      await assert.rejects(
        wrong.chat.complete({ model: "mistral-small-latest", messages: [user("hi")] }),
        UnauthorizedError,
      );
      const right = new Mistral({ apiKey: "right", serverURL: locked.url });
      const answer = await right.chat.complete({
        model: "mistral-small-latest",
        messages: [user("hi")],
      });
      assert.ok(answer.choices.length === 1);
    } finally {
      await locked.close();
    }
  });
});
