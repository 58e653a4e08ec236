/**
 * Embeddings and classifiers: `POST /v1/embeddings`, `/v1/moderations`,
 * `/v1/chat/moderations`, `/v1/classifications`, `/v1/chat/classifications`.
 * Answers are computed from the texts alone (see `services/`), so they are
 * the same every time.
 *
 * @module
 */
import { countTokens } from "../answers/tokenize.js";
import { createResponseId } from "../prng.js";
import { findModel, findModelOf } from "../requests/models.js";
import {
  chatClassificationRequest,
  chatModerationRequest,
  classificationRequest,
  embeddingRequest,
} from "../requests/platform-schemas.js";
import type { Check } from "../requests/validate.js";
import { classify, moderate } from "../services/classify.js";
import { base64Vector, embeddingModels, embedText, quantize } from "../services/embed.js";
import { type ErrorReply, errorEnvelope, invalidModelError } from "./error-bodies.js";
import { isReply, readChecked, sendAnswer } from "./reply.js";
import type { RequestScope } from "./scope.js";
import { sendError } from "./util.js";

type Wire = Record<string, unknown>;

/** The API's cap on inputs per request. */
const maxInputs = 256;

const texts = (input: unknown): string[] =>
  typeof input === "string" ? [input] : (input as string[]);

/** A chat message's text (its text chunks joined). */
function messageText(message: Wire): string {
  const content = message.content;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((c: Wire) => (typeof c.text === "string" ? c.text : "")).join(" ");
}

/** The usage of a request that only reads `count` tokens. */
const readUsage = (count: number) => ({
  prompt_tokens: count,
  total_tokens: count,
  completion_tokens: 0,
  request_count: 1,
  prompt_audio_seconds: null,
});

/** The body of an embeddings answer, or the API's error. */
export function embeddingsAnswer(body: Wire): Wire | ErrorReply {
  const model = findModelOf(body.model, "embed");
  const sizes = model && embeddingModels[model.id];
  if (!sizes) return invalidModelError(String(body.model));
  const inputs = texts(body.input);
  if (inputs.length > maxInputs) {
    return errorEnvelope(
      400,
      "Too many inputs in request, split into more batches.",
      "invalid_request_prompt",
      "3210",
    );
  }
  const dimension = (body.output_dimension as number | null | undefined) ?? sizes.dimension;
  if (dimension > sizes.max) {
    return errorEnvelope(
      400,
      `output_dimension must be at most ${sizes.max} for ${model.id}`,
      "invalid_request_error",
      "3051",
    );
  }
  const dtype = (body.output_dtype as string | undefined) ?? "float";
  const base64 = body.encoding_format === "base64";
  const data = inputs.map((text, index) => {
    const vector = quantize(embedText(text, dimension), dtype);
    return { object: "embedding", embedding: base64 ? base64Vector(vector, dtype) : vector, index };
  });
  const tokens = inputs.reduce((n, text) => n + countTokens(text), 0);
  return {
    id: createResponseId(),
    object: "list",
    data,
    model: String(body.model),
    usage: readUsage(tokens),
  };
}

/** The texts a classifier request reads, one per result. */
function classifierTexts(kind: Kind, body: Wire): string[] {
  if (kind === "moderate" || kind === "classify") return texts(body.input);
  const input = body.input as unknown[];
  const conversations: Wire[][] =
    kind === "moderateChat"
      ? Array.isArray(input[0])
        ? (input as Wire[][])
        : [input as Wire[]]
      : (Array.isArray(input) ? input : [input]).map((c) => (c as Wire).messages as Wire[]);
  // The verdict is on the conversation's last turn, as the API's is.
  return conversations.map((messages) => messageText(messages.at(-1) ?? {}));
}

type Kind = "moderate" | "moderateChat" | "classify" | "classifyChat";

/** The body of a classifier answer, or the API's error. */
export function classifierAnswer(kind: Kind, body: Wire): Wire | ErrorReply {
  const model = findModel(String(body.model));
  const moderation = kind === "moderate" || kind === "moderateChat";
  const ok = moderation
    ? model?.kind === "moderation"
    : model?.kind === "moderation" || String(body.model).startsWith("ft:classifier:");
  if (!ok) return invalidModelError(String(body.model));
  const inputs = classifierTexts(kind, body);
  const results = inputs.map((text) => (moderation ? moderate(text) : classify(text)));
  const tokens = inputs.reduce((n, text) => n + countTokens(text), 0);
  return { id: createResponseId(), usage: readUsage(tokens), model: String(body.model), results };
}

const routes: Record<string, { check: Check; answer: (body: Wire) => Wire | ErrorReply }> = {
  "/v1/embeddings": { check: embeddingRequest, answer: embeddingsAnswer },
  "/v1/moderations": {
    check: classificationRequest,
    answer: (b) => classifierAnswer("moderate", b),
  },
  "/v1/chat/moderations": {
    check: chatModerationRequest,
    answer: (b) => classifierAnswer("moderateChat", b),
  },
  "/v1/classifications": {
    check: classificationRequest,
    answer: (b) => classifierAnswer("classify", b),
  },
  "/v1/chat/classifications": {
    check: chatClassificationRequest,
    answer: (b) => classifierAnswer("classifyChat", b),
  },
};

/** The paths this module answers. */
export const embeddingPaths = Object.keys(routes);

/** Handles one of {@link embeddingPaths}. */
export async function handleEmbeddings(scope: RequestScope, path: string): Promise<void> {
  const route = routes[path]!;
  const body = await readChecked(scope, route.check);
  if (isReply(body)) return sendError(scope.res, body);
  const answer = route.answer(body);
  if (isReply(answer)) return sendError(scope.res, answer);
  await sendAnswer(scope, 0, answer);
}
