// The official client, `chat.stream()`.
import { Mistral } from "@mistralai/mistralai";
import { chatRequest, chatText } from "./chat-text.mjs";

export const name = "@mistralai/mistralai";
export function setup(url) {
  const client = new Mistral({ apiKey: "bench", serverURL: url });
  return async (model) => chatText(await client.chat.stream(chatRequest(model)), (e) => e.data);
}
