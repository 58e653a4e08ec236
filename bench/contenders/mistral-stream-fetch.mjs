// mistral-stream on its fetch transport (what Bun, Deno, browsers and edge
// workers run; on Node, `transport: "fetch"`).
import { Mistral } from "mistral-stream";
import { chatRequest, chatText } from "./chat-text.mjs";

export const name = "mistral-stream (fetch)";
export function setup(url) {
  const client = new Mistral({ apiKey: "bench", serverURL: url, transport: "fetch" });
  return async (model) => chatText(await client.chat.stream(chatRequest(model)), (e) => e.data);
}
