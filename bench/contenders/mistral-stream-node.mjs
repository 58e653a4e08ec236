// mistral-stream on Node as an app gets it: the package's main entry, which
// Node resolves to the Node build (node:http transport).
import { Mistral } from "mistral-stream";
import { chatRequest, chatText } from "./chat-text.mjs";

export const name = "mistral-stream (node)";
export function setup(url) {
  const client = new Mistral({ apiKey: "bench", serverURL: url });
  return async (model) => chatText(await client.chat.stream(chatRequest(model)), (e) => e.data);
}
