/**
 * Guardrails: server-side moderation of a request. The fields are a fixed set
 * (typed by the API), so they are renamed camelCase ⇄ snake_case one by one
 * like any other typed object; keys outside that set are not sent.
 *
 * @module
 */

/** What to do when a category scores above its threshold. Open: unknown values pass through. */
export type ModerationLLMAction = "none" | "block" | (string & {});

/** The official enum-like values of {@link ModerationLLMAction}. */
export const ModerationLLMAction = { None: "none", Block: "block" } as const;

/** Per-category score thresholds of the v1 moderation model. */
export interface ModerationLlmv1CategoryThresholds {
  /** Wire `sexual`. */
  sexual?: number | null | undefined;
  /** Wire `hate_and_discrimination`. */
  hateAndDiscrimination?: number | null | undefined;
  /** Wire `violence_and_threats`. */
  violenceAndThreats?: number | null | undefined;
  /** Wire `dangerous_and_criminal_content`. */
  dangerousAndCriminalContent?: number | null | undefined;
  /** Wire `selfharm`. */
  selfharm?: number | null | undefined;
  /** Wire `health`. */
  health?: number | null | undefined;
  /** Wire `financial`. */
  financial?: number | null | undefined;
  /** Wire `law`. */
  law?: number | null | undefined;
  /** Wire `pii`. */
  pii?: number | null | undefined;
}

/** Per-category score thresholds of the v2 moderation model. */
export interface ModerationLlmv2CategoryThresholds {
  /** Wire `sexual`. */
  sexual?: number | null | undefined;
  /** Wire `hate_and_discrimination`. */
  hateAndDiscrimination?: number | null | undefined;
  /** Wire `violence_and_threats`. */
  violenceAndThreats?: number | null | undefined;
  /** Wire `dangerous`. */
  dangerous?: number | null | undefined;
  /** Wire `criminal`. */
  criminal?: number | null | undefined;
  /** Wire `selfharm`. */
  selfharm?: number | null | undefined;
  /** Wire `health`. */
  health?: number | null | undefined;
  /** Wire `financial`. */
  financial?: number | null | undefined;
  /** Wire `law`. */
  law?: number | null | undefined;
  /** Wire `pii`. */
  pii?: number | null | undefined;
  /** Wire `jailbreaking`. */
  jailbreaking?: number | null | undefined;
}

/** Settings of the v1 moderation guardrail. */
export interface ModerationLlmv1Config {
  /** Override of the moderation model; wire `model_name`. Usually left out. */
  modelName?: string | undefined;
  /** Thresholds per category; wire `custom_category_thresholds`. */
  customCategoryThresholds?: ModerationLlmv1CategoryThresholds | null | undefined;
  /** Only evaluate the categories given thresholds; wire `ignore_other_categories`. */
  ignoreOtherCategories?: boolean | undefined;
  /** What to do above a threshold. */
  action?: ModerationLLMAction | undefined;
}

/** Settings of the v2 moderation guardrail. */
export interface ModerationLlmv2Config {
  /** Override of the moderation model; wire `model_name`. Usually left out. */
  modelName?: string | undefined;
  /** Thresholds per category; wire `custom_category_thresholds`. */
  customCategoryThresholds?: ModerationLlmv2CategoryThresholds | null | undefined;
  /** Only evaluate the categories given thresholds; wire `ignore_other_categories`. */
  ignoreOtherCategories?: boolean | undefined;
  /** What to do above a threshold. */
  action?: ModerationLLMAction | undefined;
}

/** One guardrail of a request. */
export interface GuardrailConfig {
  /** Answer 403 if the guardrail itself fails; wire `block_on_error`. */
  blockOnError?: boolean | undefined;
  /** The v1 moderation guardrail; wire `moderation_llm_v1`. */
  moderationLlmV1?: ModerationLlmv1Config | null | undefined;
  /** The v2 moderation guardrail; wire `moderation_llm_v2`. */
  moderationLlmV2?: ModerationLlmv2Config | null | undefined;
}
