/**
 * Agents completion request: public → wire. Streams and responses decode with
 * the chat decoders.
 *
 * @module
 */

import type { AgentsCompletionRequest } from "../models/index.js";
import { encodeConversationFields } from "./chat-request.js";
import { setDefined, type WireObject } from "./wire.js";

/**
 * Public agents request → wire JSON object, by the rules of
 * `encodeChatCompletionRequest` (unknown keys dropped, `stream` from the
 * argument, `undefined` omitted, free-form values untouched).
 */
export function encodeAgentsCompletionRequest(
  request: AgentsCompletionRequest,
  stream: boolean,
): WireObject {
  const out: WireObject = {};
  encodeConversationFields(out, request, stream);
  setDefined(out, "agent_id", request.agentId);
  return out;
}
