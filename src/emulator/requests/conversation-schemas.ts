/**
 * The Conversations and agents request bodies the emulator accepts,
 * transcribed from the API spec (ConversationRequest, the append and restart
 * bodies, the entries, CompletionArgs, CreateAgentRequest,
 * UpdateAgentRequest). Unknown keys are refused, as by the API.
 *
 * @module
 */
import { contentChunk, responseFormat, stop, tool } from "./schemas.js";
import {
  bool,
  byType,
  type Check,
  dict,
  enumOf,
  int,
  list,
  literal,
  model,
  nullable,
  num,
  str,
  tagged,
} from "./validate.js";

const entryFields = (type: string): Record<string, Check> => ({
  object: literal("entry"),
  type: literal(type),
  created_at: str,
  completed_at: nullable(str),
  id: str,
});
const byAgent = { agent_id: nullable(str), model: nullable(str) };
const confirmationStatus = nullable(enumOf("pending", "allowed", "denied"));

/** One entry of `inputs`, told apart by `type` (default `message.input`). */
const inputEntry = tagged(
  "type",
  {
    "message.input": model(
      "MessageInputEntry",
      {
        ...entryFields("message.input"),
        role: enumOf("assistant", "user"),
        content: byType({ string: str, array: list(contentChunk) }),
        prefix: bool,
      },
      ["role", "content"],
    ),
    "message.output": model(
      "MessageOutputEntry",
      {
        ...entryFields("message.output"),
        ...byAgent,
        role: literal("assistant"),
        content: byType({ string: str, array: list(dict) }),
      },
      ["content"],
    ),
    "function.result": model(
      "FunctionResultEntry",
      { ...entryFields("function.result"), tool_call_id: str, result: str },
      ["tool_call_id", "result"],
    ),
    "function.call": model(
      "FunctionCallEntry",
      {
        ...entryFields("function.call"),
        ...byAgent,
        tool_call_id: str,
        name: str,
        arguments: byType({ object: dict, string: str }),
        confirmation_status: confirmationStatus,
      },
      ["tool_call_id", "name", "arguments"],
    ),
    "tool.execution": model(
      "ToolExecutionEntry",
      { ...entryFields("tool.execution"), ...byAgent, name: str, arguments: str, info: dict },
      ["name", "arguments"],
    ),
    "agent.handoff": model(
      "AgentHandoffEntry",
      {
        ...entryFields("agent.handoff"),
        previous_agent_id: str,
        previous_agent_name: str,
        next_agent_id: str,
        next_agent_name: str,
      },
      ["previous_agent_id", "previous_agent_name", "next_agent_id", "next_agent_name"],
    ),
  },
  "message.input",
);

const inputs = byType({ string: str, array: list(inputEntry) });

/** CompletionArgs: a conversation's or an agent's sampling settings. */
const completionArgs = model("CompletionArgs", {
  stop,
  presence_penalty: nullable(num({ ge: -2, le: 2 })),
  frequency_penalty: nullable(num({ ge: -2, le: 2 })),
  temperature: nullable(num({ ge: 0, le: 1 })),
  top_p: nullable(num({ ge: 0, le: 1 })),
  max_tokens: nullable(int({ ge: 0 })),
  random_seed: nullable(int({ ge: 0 })),
  prediction: nullable(model("Prediction", { type: literal("content"), content: str })),
  response_format: nullable(responseFormat),
  tool_choice: enumOf("auto", "none", "any", "required"),
  reasoning_effort: nullable(enumOf("none", "minimal", "low", "medium", "high", "xhigh")),
});

const handoffExecution = enumOf("client", "server");
const agentVersion = nullable(byType({ string: str, number: int() }));

/** `POST /v1/conversations`. */
export const conversationRequest: Check = model(
  "ConversationRequest",
  {
    inputs,
    stream: nullable(bool),
    store: nullable(bool),
    handoff_execution: nullable(handoffExecution),
    instructions: nullable(str),
    tools: nullable(list(tool)),
    completion_args: nullable(completionArgs),
    guardrails: nullable(list(dict)),
    name: nullable(str),
    description: nullable(str),
    metadata: nullable(dict),
    agent_id: nullable(str),
    agent_version: agentVersion,
    model: nullable(str),
  },
  ["inputs"],
);

/** `POST /v1/conversations/{id}`. */
export const appendRequest: Check = model("ConversationAppendRequest", {
  inputs,
  stream: bool,
  store: bool,
  handoff_execution: handoffExecution,
  completion_args: completionArgs,
  tool_confirmations: nullable(
    list(
      model("ToolCallConfirmation", { tool_call_id: str, confirmation: enumOf("allow", "deny") }, [
        "tool_call_id",
        "confirmation",
      ]),
    ),
  ),
});

/** `POST /v1/conversations/{id}/restart`. */
export const restartRequest: Check = model(
  "ConversationRestartRequest",
  {
    inputs,
    stream: bool,
    store: bool,
    handoff_execution: handoffExecution,
    completion_args: completionArgs,
    guardrails: nullable(list(dict)),
    metadata: nullable(dict),
    from_entry_id: str,
    agent_version: agentVersion,
  },
  ["from_entry_id"],
);

const agentFields: Record<string, Check> = {
  instructions: nullable(str),
  tools: list(tool),
  completion_args: completionArgs,
  guardrails: nullable(list(dict)),
  model: str,
  name: str,
  description: nullable(str),
  handoffs: nullable(list(str)),
  metadata: nullable(dict),
  version_message: nullable(str),
};

/** `POST /v1/agents`. */
export const createAgentRequest: Check = model("CreateAgentRequest", agentFields, [
  "model",
  "name",
]);

/** `PATCH /v1/agents/{id}`. */
export const updateAgentRequest: Check = model("UpdateAgentRequest", {
  ...agentFields,
  model: nullable(str),
  name: nullable(str),
  deployment_chat: nullable(bool),
});
