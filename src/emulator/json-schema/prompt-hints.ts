/**
 * Values lifted from a prompt for generated JSON: the numbers it mentions (used
 * in order), the names and quoted strings in it, and the question itself.
 *
 * @module
 */

/** Values a generator may borrow from the prompt. */
export interface PromptHints {
  /** The prompt text (last user message). */
  readonly text: string;
  /** Proper names and quoted strings, in order of appearance. */
  readonly phrases: readonly string[];
  /** Takes the next unused number of the prompt that `accept` allows. */
  takeNumber(accept: (n: number) => boolean): number | undefined;
  /** Takes the next unused phrase, if any is left. */
  takePhrase(): string | undefined;
}

const sentenceStarters = new Set(
  "What How Why When Where Who Which Tell Use Call Please Can Could Would Give Show Write Find Get Return List I The A An Do Does Is Are Run Make Say Reply Answer".split(
    " ",
  ),
);

/** Reads the hints of a prompt. */
export function readPromptHints(text: string): PromptHints {
  const numbers = Array.from(text.matchAll(/(?<![\w.])-?\d+(?:\.\d+)?(?![\w.]*\w)/g), (m) =>
    Number(m[0]),
  );
  const phrases: string[] = [];
  for (const m of text.matchAll(
    /"([^"\n]{1,80})"|`([^`\n]{1,80})`|\b(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*)/gu,
  )) {
    let phrase = (m[1] ?? m[2] ?? m[3] ?? "").trim();
    if (m[3] !== undefined) {
      // "What's the weather in Paris": a capitalised sentence opener is not a name.
      const words = phrase.split(/\s+/);
      const opensSentence = /(?:^|[.!?:]\s+|\n)$/.test(text.slice(0, m.index));
      if (
        sentenceStarters.has((words[0] ?? "").split("'")[0] ?? "") ||
        (opensSentence && words.length === 1)
      ) {
        words.shift();
      }
      phrase = words.join(" ");
    }
    if (phrase && !phrases.includes(phrase)) phrases.push(phrase);
  }
  const usedNumbers = new Set<number>();
  let nextPhrase = 0;
  return {
    text,
    phrases,
    takeNumber(accept) {
      for (let i = 0; i < numbers.length; i++) {
        const n = numbers[i] as number;
        if (!usedNumbers.has(i) && accept(n)) {
          usedNumbers.add(i);
          return n;
        }
      }
      return undefined;
    },
    takePhrase() {
      return phrases[nextPhrase++];
    },
  };
}
