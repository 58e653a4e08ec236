/**
 * Model cards, as listed by `GET /v1/models` and returned by `GET /v1/models/{id}`.
 *
 * @module
 */

/** What a model can do. Every flag is `false` when the server left it out. */
export interface ModelCapabilities {
  /** Chat completions; wire `completion_chat`. */
  completionChat: boolean;
  /** Tool calls; wire `function_calling`. */
  functionCalling: boolean;
  /** Thinking before answering. */
  reasoning: boolean;
  /** Fill-in-the-middle; wire `completion_fim`. */
  completionFim: boolean;
  /** Fine-tuning; wire `fine_tuning`. */
  fineTuning: boolean;
  /** Image input. */
  vision: boolean;
  /** Document OCR. */
  ocr: boolean;
  /** Classification. */
  classification: boolean;
  /** Moderation. */
  moderation: boolean;
  /** Audio input. */
  audio: boolean;
  /** Transcription; wire `audio_transcription`. */
  audioTranscription: boolean;
  /** Realtime transcription; wire `audio_transcription_realtime`. */
  audioTranscriptionRealtime: boolean;
  /** Speech output; wire `audio_speech`. */
  audioSpeech: boolean;
  /** Wire `unified_resources`. */
  unifiedResources: boolean;
}

/** Fields shared by base and fine-tuned model cards. */
interface ModelCardFields {
  /** Model id, as used in requests. */
  id: string;
  /** `"model"`. */
  object: string;
  /** Unix time, seconds. */
  created?: number | undefined;
  /** Owner; wire `owned_by`. */
  ownedBy: string;
  /** What the model can do. */
  capabilities: ModelCapabilities;
  /** Display name. */
  name?: string | null | undefined;
  /** Description. */
  description?: string | null | undefined;
  /** Context window, tokens; wire `max_context_length`. */
  maxContextLength: number;
  /** Other ids of the same model. */
  aliases?: Array<string> | undefined;
  /** When the model goes away; decoded from the wire's ISO string, as the official SDK does. */
  deprecation?: Date | null | undefined;
  /** Successor to switch to; wire `deprecation_replacement_model`. */
  deprecationReplacementModel?: string | null | undefined;
  /** Default temperature; wire `default_model_temperature`. */
  defaultModelTemperature?: number | null | undefined;
  /** Whether the model is internal. */
  internal: boolean;
  /** Name used on invoices; wire `billing_model_name`. */
  billingModelName?: string | null | undefined;
}

/** A model provided by Mistral. */
export interface BaseModelCard extends ModelCardFields {
  /** Discriminator. */
  type: "base";
}

/** A fine-tuned model. */
export interface FTModelCard extends ModelCardFields {
  /** Discriminator. */
  type: "fine-tuned";
  /** Fine-tuning job that made it. */
  job: string;
  /** Model it was tuned from. */
  root: string;
  /** Whether it is archived. */
  archived: boolean;
}

/** A model card of a type this client does not know; `raw` is the wire object. */
export interface UnknownModelCard {
  /** Always `"UNKNOWN"`; the real type is `raw.type`. */
  type: "UNKNOWN";
  /** The card exactly as it came off the wire. */
  raw: unknown;
  /** Marks the fallback. */
  isUnknown: true;
}

/** One entry of a {@link ModelList}. */
export type ModelListData = BaseModelCard | FTModelCard | UnknownModelCard;

/** The answer of `GET /v1/models`. */
export interface ModelList {
  /** `"list"`. */
  object: string;
  /** The models. */
  data?: Array<BaseModelCard | FTModelCard | UnknownModelCard> | undefined;
}

/** One model card, as `GET /v1/models/{id}` returns it. */
export type ModelCard = BaseModelCard | FTModelCard | UnknownModelCard;
