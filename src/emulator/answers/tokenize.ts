/**
 * A word-piece-like tokenizer. It does not reproduce any real vocabulary; it
 * cuts text where real tokenizers usually do, so streams look and count like
 * the real thing: a token is a word or a piece of a long word with its leading
 * space, a single digit, a short run of punctuation, or a run of newlines.
 * Joining the tokens always gives back the input exactly.
 *
 * @module
 */

const letter = /[\p{L}\p{M}]/u;
const digit = /\p{N}/u;
const maxPiece = 6;

/** Splits text into tokens whose concatenation is the text itself. */
export function tokenize(text: string): string[] {
  const chars = Array.from(text);
  const tokens: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    if (c === "\n") {
      let j = i;
      while (chars[j] === "\n") j++;
      tokens.push(chars.slice(i, j).join(""));
      i = j;
      continue;
    }
    let prefix = "";
    if (c === " " || c === "\t") {
      let j = i;
      while (chars[j] === " " || chars[j] === "\t") j++;
      const following = chars[j];
      if (following === undefined || following === "\n") {
        tokens.push(chars.slice(i, j).join(""));
        i = j;
        continue;
      }
      // Indentation becomes its own token; the last space sticks to the next word.
      if (j - i > 1) tokens.push(chars.slice(i, j - 1).join(""));
      prefix = chars[j - 1] as string;
      i = j;
    }
    i = readToken(chars, i, prefix, tokens);
  }
  return tokens;
}

/** Reads one token starting at `i` (after any leading space) and returns the next index. */
function readToken(chars: string[], i: number, prefix: string, tokens: string[]): number {
  const c = chars[i] as string;
  if (letter.test(c)) {
    let j = i;
    while (j < chars.length && letter.test(chars[j] as string)) j++;
    const pieces = splitWord(chars.slice(i, j).join(""));
    tokens.push(prefix + (pieces[0] as string), ...pieces.slice(1));
    return j;
  }
  if (digit.test(c)) {
    tokens.push(prefix + c);
    return i + 1;
  }
  // Punctuation: up to two symbols per token, as in `".` or `":`.
  let j = i + 1;
  const next = chars[j];
  if (next !== undefined && !/[\s\p{L}\p{M}\p{N}]/u.test(next)) j++;
  tokens.push(prefix + chars.slice(i, j).join(""));
  return j;
}

/** Cuts a word at camel-case humps, then long parts into pieces of at most six letters. */
function splitWord(word: string): string[] {
  const humps = word.split(/(?<=\p{Ll})(?=\p{Lu})/u);
  const pieces: string[] = [];
  for (const hump of humps) {
    if (hump.length <= maxPiece + 2) {
      pieces.push(hump);
      continue;
    }
    for (let k = 0; k < hump.length; k += maxPiece) {
      const rest = hump.length - k;
      // Never leave a one- or two-letter tail: fold it into the last piece.
      if (rest <= maxPiece + 2) {
        pieces.push(hump.slice(k));
        break;
      }
      pieces.push(hump.slice(k, k + maxPiece));
    }
  }
  return pieces;
}

/** Counts the tokens of a text without keeping them. */
export function countTokens(text: string): number {
  return tokenize(text).length;
}
