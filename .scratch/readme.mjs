import { Mistral } from "../dist/core/index.js";
import { startEmulator } from "../dist/emulator/index.js";
import { z } from "zod";
const emu = await startEmulator({ tokensPerSecond: 0 });
const client = new Mistral({ serverURL: emu.url });
const agent = await client.beta.agents.create({ model: "mistral-medium-latest", name: "Researcher", tools: [{ type: "web_search" }] });
const stream = await client.beta.conversations.startStream({ agentId: agent.id, inputs: "Who won the last European football championship?" });
for await (const { event, data } of stream) {
  if (data.type === "message.output.delta" && typeof data.content === "string") process.stdout.write(data.content);
  else if (event === "tool.execution.started") console.error(`[${data.name}…]`);
}
const { conversationId, outputs, usage } = await stream.finalResponse();
console.log("\n", outputs.map((o) => o.type), usage);
const next = await client.beta.conversations.append({ conversationId, conversationAppendRequest: { inputs: "And the one before?" } });
console.log(next.outputs.map((o) => o.type));
const runner = await client.beta.conversations.runTools(
  { model: "mistral-medium-latest", inputs: "What is the weather in Paris?",
    tools: [{ type: "function", function: { name: "get_weather", description: "Weather of a city", parameters: z.object({ city: z.string() }) }, run: async ({ city }) => ({ city, temperatureC: 21 }) }] },
  { confirm: (call) => call.name === "web_search" },
);
for await (const text of runner.textStream()) process.stdout.write(text);
console.log("\n", runner.conversationId, runner.entries.map((e) => e.type), runner.usage);
await runner.close?.();
await emu.close();
