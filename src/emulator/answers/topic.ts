/**
 * Reads just enough of a prompt to make an answer sound relevant: the subject
 * it is about, a verb phrase when it asks how to do something, one salient
 * word, and what kind of answer it wants (a joke, a poem, steps, ...).
 *
 * @module
 */

/** The kind of answer a prompt asks for. */
export type Intent =
  | "echo"
  | "greeting"
  | "one-word"
  | "joke"
  | "poem"
  | "steps"
  | "list"
  | "short"
  | "explain";

/** What the answer writer knows about a prompt. */
export interface Topic {
  intent: Intent;
  /** A noun phrase such as "streaming tokens" or "crossing the street". */
  phrase: string;
  /** A verb phrase such as "cross the street", when the prompt asks how to do something. */
  action: string | undefined;
  /** One salient word of the prompt. */
  keyword: string;
  /** The text to repeat for "reply with exactly: ...". */
  echo: string;
}

const stopWords = new Set(
  (
    "a an the and or but if of to in on at by for with about from into over under is are was were be been " +
    "do does did have has had i me my we our you your it its this that these those what which who whom why how " +
    "when where can could would should will shall may might must please tell give show write explain describe " +
    "some any like just very really also then than so as not no yes there here one two three short brief answer " +
    "sentence word words using use make let"
  ).split(" "),
);

const leadIns =
  /^(?:please\s+|(?:can|could|would|will)\s+you\s+|tell\s+me\s+|explain\s+|describe\s+|write\s+|give\s+me\s+|show\s+me\s+|list\s+|summari[sz]e\s+|what\s+is\s+|what\s+are\s+|what's\s+|who\s+is\s+|who\s+was\s+|why\s+(?:is|are|do|does)\s+|how\s+(?:do|can|should|would)\s+(?:i|we|you|one)\s+|how\s+to\s+|how\s+(?:does|is|are)\s+|i\s+(?:want|need)\s+to\s+|help\s+me\s+)/i;

const verbs = new Set(
  (
    "cross make build write learn use get run start stop fix cook bake grow plant train study improve find " +
    "choose create design install deploy test debug clean set keep save read play draw paint speak travel " +
    "prepare manage plan organize organise sleep relax write"
  ).split(" "),
);

/** Extracts the topic and intent of a prompt. */
export function readTopic(prompt: string): Topic {
  const text = prompt.replace(/```[\s\S]*?```/g, " ").trim();
  const echo = /\b(?:reply|respond|answer|say)\b[^.:\n]{0,20}?\bexactly\b\s*:?\s*(.+)$/im.exec(
    text,
  );
  const first = (text.split(/(?<=[.?!])\s|\n/)[0] ?? "").trim();
  const about = /\b(?:about|regarding|on|of)\s+([^.?!,;:\n]+)/i.exec(first);
  let raw = about?.[1] ?? first;
  for (let previous = ""; previous !== raw; ) {
    previous = raw;
    raw = raw.replace(leadIns, "").replace(/^(?:a|an|some|me)\s+/i, "");
  }
  const words = trimStopWords(
    raw
      .replace(/[^\p{L}\p{N}\s'+*×÷/^=-]/gu, " ")
      // An operator stays only between numbers: "2+2" is the subject, "and/or" is two words.
      .replace(/[+*×÷/^=](?!\s*\p{N})|(?<!\p{N}\s*)[+*×÷/^=]/gu, " ")
      .split(/\s+/)
      .filter(Boolean),
  );
  const head = words[0]?.toLowerCase();
  const isAction = head !== undefined && verbs.has(head) && about === null;
  const action = isAction ? words.join(" ") : undefined;
  const phrase =
    words.length === 0 ? "this topic" : isAction ? gerund(words).join(" ") : words.join(" ");
  // The keyword comes from the topic when it can, so it is never an instruction like "Summarize".
  const salient = (source: string) =>
    source
      .split(/[^\p{L}\p{N}'-]+/u)
      .filter(
        (w) => w.length > 3 && !stopWords.has(w.toLowerCase()) && !verbs.has(w.toLowerCase()),
      );
  const keywords = words.length > 0 ? salient(words.join(" ")) : salient(text);
  return {
    intent: readIntent(text, echo !== null),
    phrase,
    action,
    keyword: keywords.sort((a, b) => b.length - a.length)[0] ?? phrase,
    echo: (echo?.[1] ?? "").trim().replace(/^["'`]|["'`]$/g, ""),
  };
}

function readIntent(text: string, hasEcho: boolean): Intent {
  if (hasEcho) return "echo";
  if (
    /^(?:hi|hello|hey|bonjour|good (?:morning|afternoon|evening))\b/i.test(text) &&
    text.length < 40
  ) {
    return "greeting";
  }
  if (/\bone\s+(?:random\s+)?word\b/i.test(text)) return "one-word";
  if (/\bjokes?\b/i.test(text)) return "joke";
  if (/\b(?:poem|haiku|verse|rhyme|limerick)s?\b/i.test(text)) return "poem";
  if (/^how\s+(?:do|can|should)\s+(?:i|we|you)\b|\bhow to\b|\bsteps\b/i.test(text)) return "steps";
  if (/\blist\b|\bname\s+(?:a few|some|three|five)\b/i.test(text)) return "list";
  if (/\bone\s+(?:short\s+)?sentence\b|\bbriefly\b|\bin short\b/i.test(text)) return "short";
  return "explain";
}

/** Keeps at most four words, without stop words at either end (a leading "the" may stay). */
function trimStopWords(words: string[]): string[] {
  const out = words.slice();
  while (
    out.length > 1 &&
    stopWords.has((out[0] as string).toLowerCase()) &&
    !/^the$/i.test(out[0] as string)
  ) {
    out.shift();
  }
  out.length = Math.min(out.length, 4);
  while (out.length > 0 && stopWords.has((out[out.length - 1] as string).toLowerCase())) out.pop();
  return out;
}

/** "cross the street" → "crossing the street". */
function gerund(words: string[]): string[] {
  const [verb = "", ...rest] = words;
  let ing: string;
  if (/[^e]e$/i.test(verb)) ing = `${verb.slice(0, -1)}ing`;
  else if (/^[^aeiou]*[aeiou][bdgmnpt]$/i.test(verb)) ing = `${verb}${verb.slice(-1)}ing`;
  else ing = `${verb}ing`;
  return [ing, ...rest];
}
