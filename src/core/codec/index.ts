/**
 * The codec: wire (snake_case) ⇄ public (camelCase), one small function per
 * type. Free-form values (JSON Schemas, `metadata`, object `arguments`) are
 * never rewritten.
 *
 * @module
 */

export { decodeAgent, decodeAgentAlias, encodeAgentRequest } from "./agent-entities.js";
export { encodeAgentsCompletionRequest } from "./agents.js";
export { decodeCompletionChunk, decodeDeltaMessage } from "./chat-chunk.js";
export { encodeChatCompletionRequest } from "./chat-request.js";
export { decodeChatCompletionResponse } from "./chat-response.js";
export { decodeContent, decodeContentChunk, encodeContent } from "./content.js";
export { decodeConversationEvent } from "./conversation-events.js";
export {
  decodeConversation,
  decodeConversationHistory,
  decodeConversationMessages,
  decodeConversationResponse,
  encodeAppendRequest,
  encodeConversationRequest,
  encodeRestartRequest,
} from "./conversations.js";
export { decodeFimCompletionResponse, encodeFimCompletionRequest } from "./fim.js";
export { encodeMessage } from "./messages.js";
export { decodeModelCard, decodeModelList } from "./model-cards.js";
export { decodeToolCall } from "./tools.js";
export { decodeUsage } from "./usage.js";
