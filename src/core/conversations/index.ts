/**
 * The Conversations and agents calls, loaded on first use (the resources
 * `resources/conversations.ts` and `resources/beta-agents.ts` reach them only
 * through `import()`), so an app that only chats does not carry them. The
 * receiving end of a relay loads its conversation decoder from here too: one
 * chunk for everything conversational, where a chunk of its own would split
 * the code they share into more files an app loads at start.
 *
 * @module
 */

export { ConversationEventDecoder } from "../stream/conversation-decoder.js";
export { type AgentPages, agentCalls } from "./agents.js";
export { conversationCalls } from "./calls.js";
