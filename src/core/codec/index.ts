/**
 * The codec: wire (snake_case) ⇄ public (camelCase), one small function per
 * type. Free-form values (JSON Schemas, `metadata`, object `arguments`) are
 * never rewritten. The Conversations and agents codecs are not re-exported
 * here: only the code loaded on first use imports them (directly), so a
 * bundle that only chats does not carry them.
 *
 * @module
 */

export { encodeAgentsCompletionRequest } from "./agents.js";
export { decodeCompletionChunk, decodeDeltaMessage } from "./chat-chunk.js";
export { encodeChatCompletionRequest } from "./chat-request.js";
export { decodeChatCompletionResponse } from "./chat-response.js";
export { decodeContent, decodeContentChunk, encodeContent } from "./content.js";
export { decodeFimCompletionResponse, encodeFimCompletionRequest } from "./fim.js";
export { encodeMessage } from "./messages.js";
export { decodeModelCard, decodeModelList } from "./model-cards.js";
export { decodeToolCall } from "./tools.js";
export { decodeUsage } from "./usage.js";
