/**
 * The models the emulator knows, served by `GET /v1/models` and used to refuse
 * unknown names with the API's `invalid_model` error. Reasoning models
 * (`magistral-*`) think before answering; `codestral-*` and `devstral-*`
 * models also serve fill-in-the-middle.
 *
 * @module
 */

/** What a model can do, in the API's `capabilities` shape (subset). */
export interface ModelCapabilities {
  completion_chat: boolean;
  function_calling: boolean;
  reasoning: boolean;
  completion_fim: boolean;
  fine_tuning: boolean;
  vision: boolean;
  classification: boolean;
}

/** One model card entry of the catalog. */
export interface ModelEntry {
  id: string;
  /** What it does: chat models, or a service (`embed`, `moderation`, `ocr`, `transcription`, `speech`). */
  kind: Kind;
  aliases: string[];
  description: string;
  maxContextLength: number;
  capabilities: ModelCapabilities;
}

const created = 1735689600; // 2025-01-01, fixed so that listings are reproducible.

type Kind =
  | "chat"
  | "reasoning"
  | "code"
  | "vision"
  | "embed"
  | "moderation"
  | "ocr"
  | "transcription"
  | "speech";

/** The kinds that are not chat models. */
const serviceKinds: ReadonlySet<Kind> = new Set([
  "embed",
  "moderation",
  "ocr",
  "transcription",
  "speech",
]);

function entry(
  id: string,
  aliases: string[],
  kind: Kind,
  description: string,
  context = 131072,
): ModelEntry {
  const chat = !serviceKinds.has(kind);
  return {
    id,
    kind,
    aliases,
    description,
    maxContextLength: context,
    capabilities: {
      completion_chat: chat,
      function_calling: chat,
      reasoning: kind === "reasoning",
      completion_fim: kind === "code",
      fine_tuning: false,
      vision:
        kind === "vision" || id.startsWith("mistral-medium") || id.startsWith("mistral-small"),
      classification: kind === "moderation",
    },
  };
}

/** The built-in catalog. */
export const catalog: readonly ModelEntry[] = [
  entry(
    "mistral-large-latest",
    ["mistral-large-2411"],
    "chat",
    "Our top-tier large model for complex tasks.",
  ),
  entry(
    "mistral-medium-latest",
    ["mistral-medium-2508"],
    "chat",
    "A frontier-class multimodal model.",
  ),
  entry("mistral-small-latest", ["mistral-small-2506"], "chat", "A small, fast, capable model."),
  entry("ministral-8b-latest", ["ministral-8b-2410"], "chat", "A powerful edge model."),
  entry("ministral-3b-latest", ["ministral-3b-2410"], "chat", "The smallest edge model."),
  entry("open-mistral-nemo", ["open-mistral-nemo-2407"], "chat", "A 12B model built with NVIDIA."),
  entry(
    "mistral-tiny",
    ["mistral-tiny-latest", "open-mistral-7b"],
    "chat",
    "A legacy small model.",
    32768,
  ),
  entry("codestral-latest", ["codestral-2508"], "code", "Our model for code completion.", 256000),
  entry(
    "devstral-small-latest",
    ["devstral-small-2507"],
    "code",
    "An agentic model for software engineering.",
  ),
  entry(
    "devstral-medium-latest",
    ["devstral-medium-2507"],
    "code",
    "An agentic model for software engineering.",
  ),
  entry(
    "magistral-medium-latest",
    ["magistral-medium-2509"],
    "reasoning",
    "A reasoning model.",
    40960,
  ),
  entry(
    "magistral-small-latest",
    ["magistral-small-2509"],
    "reasoning",
    "A small reasoning model.",
    40960,
  ),
  entry(
    "pixtral-large-latest",
    ["pixtral-large-2411"],
    "vision",
    "A multimodal model with image understanding.",
  ),
  entry(
    "voxtral-small-latest",
    ["voxtral-small-2507"],
    "chat",
    "A model that understands audio.",
    32768,
  ),
  entry("mistral-embed", ["mistral-embed-2312"], "embed", "Our embedding model.", 8192),
  entry("codestral-embed", ["codestral-embed-2505"], "embed", "An embedding model for code.", 8192),
  entry(
    "mistral-moderation-latest",
    ["mistral-moderation-2411", "mistral-moderation-2603"],
    "moderation",
    "Our moderation model.",
    8192,
  ),
  entry("mistral-ocr-latest", ["mistral-ocr-2512"], "ocr", "Our OCR model.", 0),
  entry(
    "voxtral-mini-latest",
    ["voxtral-mini-2507", "voxtral-mini-transcribe-2507"],
    "transcription",
    "A transcription model.",
    0,
  ),
  entry(
    "voxtral-mini-tts-latest",
    ["voxtral-mini-tts-2603"],
    "speech",
    "A text-to-speech model.",
    0,
  ),
];

/** Finds a model by id or alias. */
export function findModel(id: string): ModelEntry | undefined {
  return catalog.find((m) => m.id === id || m.aliases.includes(id));
}

/** The model of `kind` that `id` names (by id or alias), or `undefined`. */
export function findModelOf(id: unknown, kind: Kind): ModelEntry | undefined {
  const model = typeof id === "string" ? findModel(id) : undefined;
  return model?.kind === kind ? model : undefined;
}

/** Whether a model thinks (streams thinking chunks) before answering. */
export function isReasoningModel(id: string): boolean {
  return findModel(id)?.capabilities.reasoning ?? id.startsWith("magistral-");
}

/** The API's model card for one id (an alias gets its own card, as in the real listing). */
export function toModelCard(m: ModelEntry, id = m.id): Record<string, unknown> {
  return {
    id,
    object: "model",
    created,
    owned_by: "mistralai",
    capabilities: m.capabilities,
    name: id,
    description: m.description,
    max_context_length: m.maxContextLength,
    aliases: [m.id, ...m.aliases].filter((a) => a !== id),
    deprecation: null,
    deprecation_replacement_model: null,
    default_model_temperature: m.capabilities.reasoning ? 0.7 : 0.3,
    type: "base",
  };
}

/** The body of `GET /v1/models`: every id and alias. */
export function listModels(): Record<string, unknown> {
  return {
    object: "list",
    data: catalog.flatMap((m) => [m.id, ...m.aliases].map((id) => toModelCard(m, id))),
  };
}
