/**
 * Partial JSON, parsed as it grows. Each `feed()` reads only the new text
 * (the total work is linear in the length of the whole reply, however it is
 * chunked) and updates one live value in place:
 *
 * - an unfinished string shows what it has so far (`{"a": "hel` → `{ a: "hel" }`);
 * - an unfinished number shows its longest valid prefix (`1.` → 1; `-` → nothing yet);
 * - an unfinished literal shows the literal it can only become (`tr` → `true`);
 * - a key still being written, or without its value yet, is left out;
 * - objects and arrays appear as soon as they open.
 *
 * Text that is not JSON stops the updates (`failed`); the final check is the
 * caller's `JSON.parse` of the whole text.
 *
 * @module
 */

type Container = Record<string, unknown> | unknown[];

interface Frame {
  readonly container: Container;
  readonly isArray: boolean;
  /** The key whose value comes next (objects). */
  key: string | undefined;
  /** What the next significant character must be. */
  expect: "key" | "colon" | "value" | "comma";
}

interface Token {
  kind: "string" | "number" | "literal";
  text: string;
  isKey: boolean;
  /** An escape sequence begun but not finished (`\`, `\u00`). */
  escape: string;
}

const literals = { t: "true", f: "false", n: "null" } as const;
const literalValues: Record<string, unknown> = { true: true, false: false, null: null };
const numberPrefix = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const escapes: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** Parses one JSON text incrementally; `value` is the partial value so far (live). */
export class PartialJsonParser {
  #stack: Frame[] = [];
  #token: Token | undefined;
  #root: unknown = undefined;
  #rootSet = false;
  /** Whether the text so far is not JSON (updates stopped). */
  failed = false;
  /** Whether the top-level value is complete. */
  complete = false;
  /** Bumped each time the value changed (a value placed, or one in progress grown). */
  version = 0;

  /** The value so far: one object (or array …), updated in place by later feeds. */
  get value(): unknown {
    return this.#root;
  }

  /** Reads `text`, the next piece of the reply. */
  feed(text: string): void {
    if (this.failed) return;
    let i = 0;
    while (i < text.length && !this.failed) {
      i = this.#token ? this.#continueToken(text, i) : this.#structural(text, i);
    }
    if (this.#token && !this.failed) this.#showToken();
  }

  #structural(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) return i + 1;
    const ch = text[i] as string;
    const frame = this.#stack.at(-1);
    if (!frame) {
      if (this.complete) return this.#fail();
      return this.#startValue(ch, i);
    }
    switch (frame.expect) {
      case "key":
        if (ch === '"') return this.#startToken("string", true, i + 1);
        if (ch === "}" && !frame.isArray) return this.#close(i);
        return this.#fail();
      case "colon":
        if (ch !== ":") return this.#fail();
        frame.expect = "value";
        return i + 1;
      case "value":
        if (ch === "]" && frame.isArray) return this.#close(i);
        return this.#startValue(ch, i);
      default:
        if (ch === ",") {
          frame.expect = frame.isArray ? "value" : "key";
          return i + 1;
        }
        if (ch === (frame.isArray ? "]" : "}")) return this.#close(i);
        return this.#fail();
    }
  }

  #startValue(ch: string, i: number): number {
    if (ch === "{" || ch === "[") {
      const container: Container = ch === "{" ? {} : [];
      this.#place(container);
      this.#stack.push({
        container,
        isArray: ch === "[",
        key: undefined,
        expect: ch === "{" ? "key" : "value",
      });
      return i + 1;
    }
    if (ch === '"') return this.#startToken("string", false, i + 1);
    if (ch === "-" || (ch >= "0" && ch <= "9")) return this.#startToken("number", false, i);
    if (ch in literals) return this.#startToken("literal", false, i);
    return this.#fail();
  }

  #startToken(kind: Token["kind"], isKey: boolean, next: number): number {
    this.#token = { kind, text: "", isKey, escape: "" };
    return next;
  }

  #continueToken(text: string, i: number): number {
    const token = this.#token as Token;
    if (token.kind === "string") return this.#readString(token, text, i);
    let j = i;
    while (j < text.length && !isDelimiter(text.charCodeAt(j))) j++;
    token.text += text.slice(i, j);
    if (j === text.length) return j;
    this.#endScalar(token);
    return j;
  }

  #readString(token: Token, text: string, i: number): number {
    let start = i;
    let j = i;
    if (token.escape) j = start = this.#readEscape(token, text, i);
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 34) {
        token.text += text.slice(start, j);
        this.#token = undefined;
        this.#finish(token, token.text);
        return j + 1;
      }
      if (c === 92) {
        token.text += text.slice(start, j);
        token.escape = "\\";
        j = start = this.#readEscape(token, text, j + 1);
      } else j++;
    }
    token.text += text.slice(start, j);
    return j;
  }

  /** Reads as much of an escape sequence as `text` holds from `i`; returns where the string goes on. */
  #readEscape(token: Token, text: string, i: number): number {
    let j = i;
    while (j < text.length && token.escape) {
      token.escape += text[j++];
      const e = token.escape;
      if (e.length === 2 && e[1] !== "u") {
        const decoded = escapes[e[1] as string];
        if (decoded === undefined) return this.#fail();
        token.text += decoded;
        token.escape = "";
      } else if (e.length === 6) {
        const code = Number.parseInt(e.slice(2), 16);
        if (!/^[0-9a-fA-F]{4}$/.test(e.slice(2))) return this.#fail();
        token.text += String.fromCharCode(code);
        token.escape = "";
      }
    }
    return j;
  }

  #endScalar(token: Token): void {
    this.#token = undefined;
    if (token.kind === "literal") {
      if (!(token.text in literalValues)) return void this.#fail();
      this.#finish(token, literalValues[token.text]);
      return;
    }
    const match = numberPrefix.exec(token.text);
    if (!match || match[0].length !== token.text.length) return void this.#fail();
    this.#finish(token, Number(token.text));
  }

  /** Writes the unfinished token's partial value where it goes. */
  #showToken(): void {
    const token = this.#token as Token;
    if (token.isKey) return;
    if (token.kind === "string") this.#place(token.text, true);
    else if (token.kind === "literal") {
      const word = literals[token.text[0] as keyof typeof literals];
      if (word?.startsWith(token.text)) this.#place(literalValues[word], true);
      else this.#fail();
    } else {
      const match = numberPrefix.exec(token.text);
      if (match) this.#place(Number(match[0]), true);
    }
  }

  /** A token ended: a key names the next value; a value takes its place. */
  #finish(token: Token, value: unknown): void {
    const frame = this.#stack.at(-1);
    if (token.isKey && frame) {
      frame.key = value as string;
      frame.expect = "colon";
      return;
    }
    this.#place(value, true);
    this.#valueDone();
  }

  /**
   * Puts `value` in its slot: the root, the object's current key, or the
   * array's next item. `again` re-writes the slot of the value in progress.
   */
  #place(value: unknown, again = false): void {
    this.version++;
    const frame = this.#stack.at(-1);
    if (!frame) {
      this.#root = value;
      this.#rootSet = true;
      return;
    }
    if (!frame.isArray) {
      (frame.container as Record<string, unknown>)[frame.key as string] = value;
      return;
    }
    const array = frame.container as unknown[];
    if (again && frame.key === "pending") array[array.length - 1] = value;
    else array.push(value);
    frame.key = again ? "pending" : undefined;
  }

  #close(i: number): number {
    this.#stack.pop();
    this.#valueDone();
    return i + 1;
  }

  /** The value in the current slot is finished. */
  #valueDone(): void {
    const frame = this.#stack.at(-1);
    if (!frame) {
      this.complete = this.#rootSet;
      return;
    }
    frame.expect = "comma";
    if (frame.isArray) frame.key = undefined;
  }

  #fail(): number {
    this.failed = true;
    this.#token = undefined;
    return Number.POSITIVE_INFINITY;
  }
}

/** Whether the character ends a number or a literal. */
function isDelimiter(c: number): boolean {
  return c === 44 || c === 93 || c === 125 || c === 32 || c === 10 || c === 13 || c === 9;
}
