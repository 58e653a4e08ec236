/**
 * What the completion resources (chat, FIM, agents) share: one endpoint, a
 * request encoder, and the chat shapes for streams and whole answers. Each
 * resource is a description of its endpoint; this is the one call path.
 *
 * @module
 */

import type { ApiCore } from "../call/api-core.js";
import type { RequestOptions } from "../call/options.js";
import { decodeChatCompletionResponse } from "../codec/index.js";
import type { WireObject } from "../codec/wire.js";
import type { ResponseMeta } from "../errors/index.js";
import type { ChatCompletionResponse, CompletionEvent } from "../models/index.js";
import { ChatChunkDecoder } from "../stream/chat-decoder.js";
import type { EventStream } from "../stream/event-stream.js";
import type { EventStreamInit } from "../stream/types.js";
import { checkRequest, expectObject, type RequiredFields } from "./check-request.js";

/** A completion endpoint: where it is, what a request must have, how it is encoded. */
export interface CompletionEndpoint<Request> {
  /** The resource's name in messages (`"chat"`). */
  readonly name: string;
  /** The endpoint's path (`"/v1/chat/completions"`). */
  readonly path: string;
  /** The fields checked before sending. */
  readonly required: RequiredFields;
  /** Public request → wire body. */
  readonly encode: (request: Request, stream: boolean) => WireObject;
}

const chatDecoder = (response: ResponseMeta) => new ChatChunkDecoder(response);

/**
 * Streams a completion from `endpoint`: one `CompletionEvent` per server
 * event. `make` builds a stream of another class (`parseStream()`'s).
 */
export function streamCompletion<
  Request,
  S extends EventStream<CompletionEvent> = EventStream<CompletionEvent>,
>(
  core: ApiCore,
  endpoint: CompletionEndpoint<Request>,
  request: Request,
  options: RequestOptions | undefined,
  make?: (init: EventStreamInit<CompletionEvent>) => S,
): Promise<S> {
  checkRequest(request, `${endpoint.name}.stream`, endpoint.required);
  const body = endpoint.encode(request, true);
  return core.openStream({ method: "POST", path: endpoint.path, body }, chatDecoder, options, make);
}

/** Sends a completion to `endpoint` and decodes the whole answer. */
export async function completeCompletion<Request>(
  core: ApiCore,
  endpoint: CompletionEndpoint<Request>,
  request: Request,
  options: RequestOptions | undefined,
): Promise<ChatCompletionResponse> {
  const method = `${endpoint.name}.complete`;
  checkRequest(request, method, endpoint.required);
  const body = endpoint.encode(request, false);
  const wire = await core.requestJson({ method: "POST", path: endpoint.path, body }, options);
  return decodeChatCompletionResponse(expectObject(wire, method));
}
