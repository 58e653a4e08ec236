/**
 * Sums in a prompt: "What is 2+2?" gets "2 + 2 = 4." A prompt counts as a sum
 * only when, apart from a lead-in such as "what is" or "calculate", it is the
 * expression alone, so dates, ranges and ids ("2024-01-05", "pages 10-20")
 * inside other questions are left alone.
 *
 * @module
 */

/** A sum read from a prompt: how to write it, and its value. */
export interface Sum {
  readonly expression: string;
  readonly value: number;
}

const leadIn =
  /^\s*(?:(?:please\s+)?(?:what(?:'s|\s+is)|how\s+much\s+is|calculate|compute|evaluate|solve|work\s+out)\s*:?\s*)?/i;

/** The sum a prompt asks for, or `undefined` if it asks for something else. */
export function readSum(prompt: string): Sum | undefined {
  const body = prompt
    .trim()
    .replace(leadIn, "")
    .replace(/\s*(?:=\s*)?\??\s*$/, "");
  if (!/\d/.test(body) || !/^[\d\s.+\-*/×x÷()]+$/i.test(body) || !/\d\s*[-+*/×x÷]/i.test(body)) {
    return undefined;
  }
  const tokens = body.match(/\d+(?:\.\d+)?|[-+*/×x÷()]/gi) ?? [];
  const parser = new SumParser(tokens);
  const value = parser.parse();
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return { expression: write(tokens), value };
}

/** The expression as an answer writes it: `12 * (3 + 4)`, `-3 + 10`. */
function write(tokens: readonly string[]): string {
  let out = "";
  let previous: string | undefined;
  let afterSign = false;
  for (const token of tokens) {
    // A space around every token, except after "(" or a sign and before ")".
    const tight = previous === undefined || previous === "(" || afterSign || token === ")";
    out += (tight ? "" : " ") + spell(token);
    afterSign = token === "-" && (previous === undefined || /^[-+*/×x÷(]$/i.test(previous));
    previous = token;
  }
  return out;
}

/** How an answer writes a token: a typed `x` as `×`, anything else as given. */
function spell(token: string): string {
  return /^[x×]$/i.test(token) ? "×" : token;
}

/** A small recursive-descent parser: `+ -`, then `* / × ÷`, then unary minus and parentheses. */
class SumParser {
  #at = 0;
  readonly tokens: readonly string[];

  constructor(tokens: readonly string[]) {
    this.tokens = tokens;
  }

  parse(): number | undefined {
    const value = this.#sum();
    return this.#at === this.tokens.length ? value : undefined;
  }

  #sum(): number | undefined {
    let value = this.#product();
    while (value !== undefined && (this.#peek() === "+" || this.#peek() === "-")) {
      const op = this.tokens[this.#at++];
      const right = this.#product();
      value = right === undefined ? undefined : op === "+" ? value + right : value - right;
    }
    return value;
  }

  #product(): number | undefined {
    let value = this.#factor();
    while (value !== undefined && /^[*/×x÷]$/i.test(this.#peek() ?? "")) {
      const op = this.tokens[this.#at++] as string;
      const right = this.#factor();
      if (right === undefined || (right === 0 && /[/÷]/.test(op))) return undefined;
      value = /[/÷]/.test(op) ? value / right : value * right;
    }
    return value;
  }

  #factor(): number | undefined {
    const token = this.tokens[this.#at++];
    if (token === "-") {
      const inner = this.#factor();
      return inner === undefined ? undefined : -inner;
    }
    if (token === "(") {
      const inner = this.#sum();
      return this.tokens[this.#at++] === ")" ? inner : undefined;
    }
    return token !== undefined && /^\d/.test(token) ? Number(token) : undefined;
  }

  #peek(): string | undefined {
    return this.tokens[this.#at];
  }
}

/** A value as an answer writes it: at most six decimals, no trailing zeros. */
export function formatValue(value: number): string {
  return String(Number(value.toFixed(6)));
}
