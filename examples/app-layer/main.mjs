// The app layer end to end: structured output (whole and streamed), a tool
// loop with two tools, and a stream that survives a dropped connection.
// With MISTRAL_API_KEY it asks Mistral; without it, a local emulator started
// here (which can also cut a stream on purpose, to show the resume).
// Run: npm run example:app-layer (each stream here is read to its end, which releases it;
// on a runtime with `await using`, use that when you may leave early).
import { z } from "zod";
import { Mistral } from "../../dist/core/index.js";
import { startEmulator } from "../../dist/emulator/index.js";

const emulator = process.env.MISTRAL_API_KEY
  ? undefined
  : await startEmulator({ tokensPerSecond: 400 });
const client = new Mistral(emulator ? { serverURL: emulator.url } : {});
const model = "mistral-small-latest";
const say = (line) => process.stdout.write(`${line}\n`);

try {
  // 1. Structured output: the reply validated and typed by a zod schema.
  const City = z.object({ name: z.string(), country: z.string(), population: z.number().int() });
  const parsed = await client.chat.parse({
    model,
    messages: [{ role: "user", content: "Facts about the city of Paris, in France." }],
    responseFormat: City,
  });
  say(`parse: ${JSON.stringify(parsed.choices[0]?.message?.parsed)}`);

  // 2. The same, streamed: the object grows as the JSON arrives.
  const stream = await client.chat.parseStream({
    model,
    messages: [{ role: "user", content: "Facts about the city of Rome, in Italy." }],
    responseFormat: City,
  });
  let partials = 0;
  for await (const partial of stream.partialObjectStream()) {
    if (++partials <= 3) say(`partial ${partials}: ${JSON.stringify(partial)}`);
  }
  say(`parseStream: ${partials} partials, final ${JSON.stringify(await stream.finalObject())}`);

  // 3. A tool loop: the model calls the tools, they run, the answer streams.
  const weather = {
    type: "function",
    function: {
      name: "get_weather",
      description: "Current weather of a city",
      parameters: z.object({ city: z.string() }),
    },
    run: async ({ city }) => ({ city, temperatureC: 21, sky: "clear" }),
  };
  const time = {
    type: "function",
    function: {
      name: "get_time",
      description: "Current local time of a city",
      parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    },
    run: ({ city }) => `It is 12:00 in ${city}.`,
  };
  const runner = await client.chat.runTools({
    model,
    messages: [{ role: "user", content: "Use get_weather and get_time for Paris." }],
    tools: [weather, time],
  });
  for await (const event of runner) {
    if (event.type === "tool.result")
      say(`[round ${event.round}] ${event.toolCall.name} → ${event.content}`);
    else process.stdout.write(event.data.choices[0]?.delta.content ?? "");
  }
  say(
    `\nrunTools: ${runner.round} rounds, ${runner.messages.length} messages, ${runner.usage.totalTokens} tokens`,
  );

  // 4. Resume: the emulator cuts this stream after 8 events; the client resumes it.
  const cut = emulator
    ? { headers: { "x-emulator-fault": `drop-after-events=8;count=1;id=${Date.now()}` } }
    : {};
  const long = await client.chat.stream(
    { model, messages: [{ role: "user", content: "Tell me about the history of bridges." }] },
    { ...cut, resume: { maxAttempts: 2 } },
  );
  let text = "";
  for await (const delta of long.textStream()) text += delta;
  say(`resume: ${text.length} characters, ${long.stats.resumes} resume(s), one answer`);
} finally {
  await emulator?.close();
}
