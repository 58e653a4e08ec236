/**
 * The Conversations and agents calls, loaded on first use (`resources/beta.ts`
 * reaches them only through `import()`), so an app that only chats does not
 * carry them.
 *
 * @module
 */

export { type AgentPages, agentCalls, listPages } from "./agents.js";
export {
  appendCall,
  completeConversation,
  deleteConversation,
  getConversation,
  getHistory,
  getMessages,
  listConversations,
  openConversationStream,
  restartCall,
  startCall,
} from "./calls.js";
