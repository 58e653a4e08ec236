import { Mistral } from "@mistralai/mistralai";
import { startEmulator } from "/work/main/dist/emulator/index.js";
const emu = await startEmulator({ tokensPerSecond: 0 });
const client = new Mistral({ serverURL: emu.url, apiKey: "x" });
await client.beta.conversations.start({ model: "mistral-small-latest", inputs: "hi" });
const a = await client.beta.agents.create({ model: "mistral-small-latest", name: "x" });
await client.beta.conversations.start({ agentId: a.id, inputs: "hi" });
try { console.log(await client.beta.conversations.list()); } catch (e) { console.log(e.message, JSON.stringify(e.cause?.issues ?? e.cause, null, 1)?.slice(0, 3000)); console.log(e.rawValue ? JSON.stringify(e.rawValue).slice(0, 1000) : ""); }
await emu.close();
