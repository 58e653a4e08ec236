/**
 * The error bodies the emulator answers with, copied in shape (and key order)
 * from recorded API answers: the `{object: "error", message, type, param,
 * code}` envelope, `{detail: "..."}` for authentication, and the validation
 * envelope whose `message` is `{detail: [...]}`.
 *
 * @module
 */
import type { ValidationIssue } from "../requests/validate.js";

/** A status and a JSON body to send. */
export interface ErrorReply {
  status: number;
  body: unknown;
}

/** The API's error envelope. */
export function errorEnvelope(
  status: number,
  message: unknown,
  type: string,
  code: string | null,
  withRawStatus = true,
): ErrorReply {
  const body: Record<string, unknown> = { object: "error", message, type, param: null, code };
  if (withRawStatus) body.raw_status_code = status;
  return { status, body };
}

/** 422 for a body that does not match the request schema. */
export function validationError(issues: readonly ValidationIssue[]): ErrorReply {
  return errorEnvelope(422, { detail: issues }, "invalid_request_error", null, false);
}

/** 400 `invalid_model`, as for `"model": "definitely-not-a-model"`. */
export function invalidModelError(model: string): ErrorReply {
  return errorEnvelope(400, `Invalid model: ${model}`, "invalid_model", "1500");
}

/** 400 when the conversation cannot be answered (e.g. it ends with an assistant message). */
export function messageOrderError(lastRole: string): ErrorReply {
  const message = `Expected last role User or Tool (or Assistant with prefix True) for serving but got ${lastRole}`;
  return errorEnvelope(400, message, "invalid_request_message_order", "3230");
}

/** 400 for an empty `messages` list: there is nothing to answer (the API refuses it too). */
export function emptyConversationError(): ErrorReply {
  return errorEnvelope(
    400,
    "Conversation must have at least one message",
    "invalid_request_message_order",
    "3230",
  );
}

/** 401: `{"detail":"Unauthorized"}` without a key, `{"detail":"Invalid API Key"}` with a wrong one. */
export function unauthorizedError(keyGiven: boolean): ErrorReply {
  return { status: 401, body: { detail: keyGiven ? "Invalid API Key" : "Unauthorized" } };
}

/** 404 / 405 from the routing layer, FastAPI style. */
export function routingError(status: 404 | 405): ErrorReply {
  return { status, body: { detail: status === 404 ? "Not Found" : "Method Not Allowed" } };
}

/** The body of an injected `status=` fault. */
export function faultStatusError(status: number, message?: string): ErrorReply {
  if (status === 401) return { status, body: { detail: message ?? "Unauthorized" } };
  if (status === 429)
    return errorEnvelope(status, message ?? "Rate limit exceeded", "rate_limited", "1300");
  if (status === 422) return validationError([]);
  const preset: Record<number, [string, string, string]> = {
    400: ["Bad request", "invalid_request_error", "3000"],
    403: ["Forbidden", "forbidden", "3100"],
    404: ["Not found", "not_found", "3200"],
    500: ["Internal server error", "internal_server_error", "1000"],
    502: ["Bad gateway", "bad_gateway", "1000"],
    503: ["Service unavailable, please retry later", "service_unavailable", "1000"],
    504: ["Gateway timeout", "gateway_timeout", "1000"],
  };
  const [text, type, code] = preset[status] ?? [`Error ${status}`, "api_error", "1000"];
  return errorEnvelope(status, message ?? text, type, code);
}

/** 422 for a body that is not JSON, as FastAPI reports it. */
export function jsonDecodeError(position: number, reason: string): ErrorReply {
  const issue = {
    type: "json_invalid",
    loc: ["body", position],
    msg: "JSON decode error",
    input: {},
    ctx: { error: reason },
  };
  return validationError([issue]);
}

/** 422 for an empty body. */
export function missingBodyError(): ErrorReply {
  return validationError([{ type: "missing", loc: ["body"], msg: "Field required", input: null }]);
}

/** 404 for an agent, a conversation or an entry that does not exist. */
export function notFoundError(what: string, id: string): ErrorReply {
  return errorEnvelope(404, `${what} ${id} not found`, "invalid_request_error", null);
}

/** 400 for a request the API refuses as a whole (a conversation with both a model and an agent …). */
export function badRequestError(message: string): ErrorReply {
  return errorEnvelope(400, message, "invalid_request_error", null);
}
