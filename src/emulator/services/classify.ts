/**
 * Moderation and classification answers: each category scores high when the
 * text has one of its telling words, a tiny text-specific score otherwise.
 * Deterministic, so a test can ask for a flagged and a clean input.
 *
 * @module
 */
import { createRng, hashString } from "../prng.js";

const categoryWords: Readonly<Record<string, RegExp>> = {
  sexual: /\b(sex|sexual|nude|porn\w*|explicit)\b/i,
  hate_and_discrimination: /\b(hate|racist|slur|inferior race|bigot\w*)\b/i,
  violence_and_threats: /\b(kill|murder|attack|hurt you|shoot|stab|threat\w*|beat you)\b/i,
  dangerous_and_criminal_content: /\b(bomb|explosive|weapon|steal|hack into|drugs?|launder\w*)\b/i,
  selfharm: /\b(suicide|kill myself|self[- ]harm|hurt myself|end my life)\b/i,
  health: /\b(diagnos\w*|symptom\w*|medication|dosage|disease|cancer)\b/i,
  financial: /\b(invest\w*|stocks?|loan|mortgage|crypto\w*|tax(es)?)\b/i,
  law: /\b(lawsuit|sue|legal advice|contract|court|lawyer)\b/i,
  pii: /([\w.+-]+@[\w-]+\.[\w.]+|\b\d{3}[- .]?\d{3}[- .]?\d{4}\b|\bpassport\b|\bssn\b)/i,
};

/** The moderation categories, in the API's order. */
export const moderationCategories = Object.keys(categoryWords);

/** Category scores and verdicts of one text. */
export function moderate(text: string): {
  categories: Record<string, boolean>;
  category_scores: Record<string, number>;
} {
  const rng = createRng(hashString(text));
  const categories: Record<string, boolean> = {};
  const scores: Record<string, number> = {};
  for (const [name, pattern] of Object.entries(categoryWords)) {
    const hit = pattern.test(text);
    scores[name] = hit ? 0.82 + rng.next() * 0.17 : Number((rng.next() * 3e-4).toPrecision(6));
    categories[name] = hit;
  }
  return { categories, category_scores: scores };
}

const positive = /\b(good|great|love|excellent|happy|thanks?|wonderful|like)\b/gi;
const negative = /\b(bad|terrible|hate|awful|sad|angry|poor|broken|worst)\b/gi;

/** A classifier's scores for one text: one target, `sentiment`, its labels summing to 1. */
export function classify(text: string): Record<string, { scores: Record<string, number> }> {
  const pos = text.match(positive)?.length ?? 0;
  const neg = text.match(negative)?.length ?? 0;
  const p = (pos + 0.5) / (pos + neg + 1);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { sentiment: { scores: { positive: round(p), negative: round(1 - p) } } };
}
