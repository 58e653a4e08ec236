/**
 * The app layer, loaded on first use: structured output (`chat.parse`,
 * `chat.parseStream`), the tool loop (`chat.runTools`) and resuming after a
 * drop. One module to load, so a bundle splits it off as one chunk.
 *
 * @module
 */

export { runConversationTools } from "./conversation-runner.js";
export { parseChat, parseChatStream } from "./parse.js";
export { streamResuming } from "./resume.js";
export { runTools } from "./tool-runner.js";
