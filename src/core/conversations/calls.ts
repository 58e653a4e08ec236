/**
 * The Conversations API calls (`beta.conversations`), loaded with the first
 * one: each checks the request's identifying fields, encodes the body, and
 * hands it to the one call path; streams decode with the conversation
 * decoder.
 *
 * @module
 */

import type { ApiCall, ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import {
  decodeConversation,
  decodeConversationHistory,
  decodeConversationMessages,
  decodeConversationResponse,
  encodeAppendRequest,
  encodeConversationRequest,
  encodeRestartRequest,
} from "../codec/conversations.js";
import { type ResponseMeta, SDKValidationError } from "../errors/index.js";
import type {
  AgentsApiV1ConversationsListRequest,
  AgentsApiV1ConversationsListResponse,
  ConversationEvents,
  ConversationHistory,
  ConversationMessages,
  ConversationResponse,
  ResponseV1ConversationsGet,
} from "../models/index.js";
import { expectObject, requestObject } from "../resources/check-request.js";
import { pageQuery, pathId } from "../resources/query.js";
import { ConversationEventDecoder } from "../stream/conversation-decoder.js";
import type { EventStream } from "../stream/event-stream.js";

const decoder = (response: ResponseMeta) => new ConversationEventDecoder(response);

/** Which call: the method's name (for messages), its path and its wire body. */
export interface ConversationCall {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/** Refuses inputs that are neither text nor entries (`required`: they must be there). */
function checkInputs(inputs: unknown, method: string, required: boolean): void {
  if (inputs === undefined && !required) return;
  if (typeof inputs !== "string" && !Array.isArray(inputs)) {
    throw new SDKValidationError(
      `${method}: request.inputs must be a string or an array of entries`,
      undefined,
      inputs,
    );
  }
}

/** `start` / `startStream`: the call of a new conversation. */
export function startCall(request: unknown, stream: boolean): ConversationCall {
  const method = `beta.conversations.start${stream ? "Stream" : ""}`;
  const body = requestObject(request, method);
  checkInputs(body.inputs, method, true);
  return {
    method,
    path: "/v1/conversations",
    body: encodeConversationRequest(body, stream),
  };
}

/** `append` / `appendStream`: the call adding entries to a conversation. */
export function appendCall(request: unknown, stream: boolean): ConversationCall {
  const method = `beta.conversations.append${stream ? "Stream" : ""}`;
  const field = stream ? "conversationAppendStreamRequest" : "conversationAppendRequest";
  const outer = requestObject(request, method);
  const id = pathId(outer.conversationId, method, "conversationId");
  const body = requestObject(outer[field], `${method}: request.${field}`);
  checkInputs(body.inputs, method, false);
  return { method, path: `/v1/conversations/${id}`, body: encodeAppendRequest(body, stream) };
}

/** `restart` / `restartStream`: the call redoing a conversation from one entry. */
export function restartCall(request: unknown, stream: boolean): ConversationCall {
  const method = `beta.conversations.restart${stream ? "Stream" : ""}`;
  const field = stream ? "conversationRestartStreamRequest" : "conversationRestartRequest";
  const outer = requestObject(request, method);
  const id = pathId(outer.conversationId, method, "conversationId");
  const body = requestObject(outer[field], `${method}: request.${field}`);
  pathId(body.fromEntryId, method, `${field}.fromEntryId`);
  checkInputs(body.inputs, method, false);
  const wire = encodeRestartRequest(body, stream);
  return { method, path: `/v1/conversations/${id}/restart`, body: wire };
}

/** Opens a conversation stream. */
export function openConversationStream(
  core: ApiCore,
  call: ConversationCall,
  options: RequestOptions | undefined,
): Promise<EventStream<ConversationEvents>> {
  return core.openStream({ method: "POST", path: call.path, body: call.body }, decoder, options);
}

/** Sends a conversation call and decodes its whole answer. */
export async function completeConversation(
  core: ApiCore,
  call: ConversationCall,
  options: RequestOptions | undefined,
): Promise<ConversationResponse> {
  const wire = await core.requestJson(
    { method: "POST", path: call.path, body: call.body },
    options,
  );
  return decodeConversationResponse(expectObject(wire, call.method));
}

/** `list`: the conversations, newest first. */
export async function listConversations(
  core: ApiCore,
  request: AgentsApiV1ConversationsListRequest | undefined,
  options: RequestOptions | undefined,
): Promise<AgentsApiV1ConversationsListResponse[]> {
  const query = pageQuery(request, ["page", "pageSize", "metadata"]);
  const wire = await core.requestJson(
    { method: "GET", path: `/v1/conversations${query}` },
    options,
  );
  if (!Array.isArray(wire)) expectObject(wire, "beta.conversations.list");
  return (wire as unknown[]).map(decodeConversation);
}

/** The call reading or deleting one conversation (`suffix`: `/history`, `/messages` or none). */
function conversationCall(
  request: unknown,
  method: string,
  verb: ApiCall["method"],
  suffix = "",
): ApiCall {
  const id = pathId(requestObject(request, method).conversationId, method, "conversationId");
  return { method: verb, path: `/v1/conversations/${id}${suffix}` };
}

/** `get`: one conversation's settings. */
export async function getConversation(
  core: ApiCore,
  request: unknown,
  options: RequestOptions | undefined,
): Promise<ResponseV1ConversationsGet> {
  const method = "beta.conversations.get";
  const wire = await core.requestJson(conversationCall(request, method, "GET"), options);
  return decodeConversation(expectObject(wire, method));
}

/** `delete`: removes a conversation. */
export async function deleteConversation(
  core: ApiCore,
  request: unknown,
  options: RequestOptions | undefined,
): Promise<void> {
  await core.requestJson(conversationCall(request, "beta.conversations.delete", "DELETE"), options);
}

/** `getHistory`: every entry, in order. */
export async function getHistory(
  core: ApiCore,
  request: unknown,
  options: RequestOptions | undefined,
): Promise<ConversationHistory> {
  const method = "beta.conversations.getHistory";
  const wire = await core.requestJson(
    conversationCall(request, method, "GET", "/history"),
    options,
  );
  return decodeConversationHistory(expectObject(wire, method));
}

/** `getMessages`: the messages, in order. */
export async function getMessages(
  core: ApiCore,
  request: unknown,
  options: RequestOptions | undefined,
): Promise<ConversationMessages> {
  const method = "beta.conversations.getMessages";
  const wire = await core.requestJson(
    conversationCall(request, method, "GET", "/messages"),
    options,
  );
  return decodeConversationMessages(expectObject(wire, method));
}

/** Every conversations call, by method name (what the resource's methods forward to). */
export const conversationCalls = {
  start: (core: ApiCore, request: unknown, options?: RequestOptions) =>
    completeConversation(core, startCall(request, false), options),
  startStream: (core: ApiCore, request: unknown, options?: RequestOptions) =>
    openConversationStream(core, startCall(request, true), options),
  append: (core: ApiCore, request: unknown, options?: RequestOptions) =>
    completeConversation(core, appendCall(request, false), options),
  appendStream: (core: ApiCore, request: unknown, options?: RequestOptions) =>
    openConversationStream(core, appendCall(request, true), options),
  restart: (core: ApiCore, request: unknown, options?: RequestOptions) =>
    completeConversation(core, restartCall(request, false), options),
  restartStream: (core: ApiCore, request: unknown, options?: RequestOptions) =>
    openConversationStream(core, restartCall(request, true), options),
  list: (core: ApiCore, request: unknown, options?: RequestOptions) =>
    listConversations(core, request as AgentsApiV1ConversationsListRequest | undefined, options),
  get: getConversation,
  delete: deleteConversation,
  getHistory,
  getMessages,
};
