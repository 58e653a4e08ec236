/**
 * The Conversations and agents calls, loaded on first use (the resources
 * `resources/conversations.ts` and `resources/beta-agents.ts` reach them only
 * through `import()`), so an app that only chats does not carry them.
 *
 * @module
 */

export { type AgentPages, agentCalls } from "./agents.js";
export { conversationCalls } from "./calls.js";
