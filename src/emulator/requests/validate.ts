/**
 * Request validation that answers like the API's own (pydantic) validation:
 * every problem becomes `{type, loc, msg, input[, ctx]}` with the same `type`
 * names and messages, e.g. `extra_forbidden` / "Extra inputs are not
 * permitted" at `["body", "messages", 0, "user", "name"]`. Checks are small
 * combinators so the request shapes in `request-schemas.ts` read like the spec.
 *
 * Simplification: for a plain (untagged) union such as `content: str | list`,
 * the branch matching the JSON type is checked and pydantic's branch label is
 * not added to `loc`.
 *
 * @module
 */

/** One validation problem, in the API's shape. */
export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** Where a value sits in the request, e.g. `["body", "messages", 0]`. */
export type Loc = readonly (string | number)[];

/** A check: pushes problems of `value` (found at `loc`) onto `issues`. */
export type Check = (value: unknown, loc: Loc, issues: ValidationIssue[]) => void;

/** Numeric bounds, named as in pydantic. */
export interface Bounds {
  ge?: number;
  gt?: number;
  le?: number;
}

const issue = (
  type: string,
  loc: Loc,
  msg: string,
  input: unknown,
  ctx?: Record<string, unknown>,
) =>
  ctx === undefined
    ? { type, loc: [...loc], msg, input }
    : { type, loc: [...loc], msg, input, ctx };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Accepts anything. */
export const anyValue: Check = () => {};

/** A string. */
export const str: Check = (v, loc, out) => {
  if (typeof v !== "string")
    out.push(issue("string_type", loc, "Input should be a valid string", v));
};

/** A boolean. */
export const bool: Check = (v, loc, out) => {
  if (typeof v !== "boolean")
    out.push(issue("bool_type", loc, "Input should be a valid boolean", v));
};

/** A free-form JSON object. */
export const dict: Check = (v, loc, out) => {
  if (!isRecord(v)) out.push(issue("dict_type", loc, "Input should be a valid dictionary", v));
};

/** An integer within bounds. */
export function int(bounds: Bounds = {}): Check {
  return (v, loc, out) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      out.push(issue("int_type", loc, "Input should be a valid integer", v));
    } else if (!Number.isInteger(v)) {
      out.push(
        issue(
          "int_from_float",
          loc,
          "Input should be a valid integer, got a number with a fractional part",
          v,
        ),
      );
    } else checkBounds(v, bounds, loc, out);
  };
}

/** A number within bounds. */
export function num(bounds: Bounds = {}): Check {
  return (v, loc, out) => {
    if (typeof v !== "number" || !Number.isFinite(v))
      out.push(issue("float_type", loc, "Input should be a valid number", v));
    else checkBounds(v, bounds, loc, out);
  };
}

function checkBounds(v: number, b: Bounds, loc: Loc, out: ValidationIssue[]): void {
  if (b.ge !== undefined && v < b.ge) {
    out.push(
      issue("greater_than_equal", loc, `Input should be greater than or equal to ${b.ge}`, v, {
        ge: b.ge,
      }),
    );
  }
  if (b.gt !== undefined && v <= b.gt)
    out.push(issue("greater_than", loc, `Input should be greater than ${b.gt}`, v, { gt: b.gt }));
  if (b.le !== undefined && v > b.le) {
    out.push(
      issue("less_than_equal", loc, `Input should be less than or equal to ${b.le}`, v, {
        le: b.le,
      }),
    );
  }
}

/** `'a', 'b' or 'c'`, as pydantic lists expected values. */
function quoteList(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

/** One of fixed strings, declared as a `Literal` (`literal_error`). */
export function literal(...values: string[]): Check {
  return (v, loc, out) => {
    if (typeof v !== "string" || !values.includes(v)) {
      const expected = quoteList(values);
      out.push(issue("literal_error", loc, `Input should be ${expected}`, v, { expected }));
    }
  };
}

/** One of fixed strings, declared as an `Enum` (`enum`). */
export function enumOf(...values: string[]): Check {
  return (v, loc, out) => {
    if (typeof v !== "string" || !values.includes(v)) {
      const expected = quoteList(values);
      out.push(issue("enum", loc, `Input should be ${expected}`, v, { expected }));
    }
  };
}

/** `null` or what `check` accepts. */
export function nullable(check: Check): Check {
  return (v, loc, out) => {
    if (v !== null) check(v, loc, out);
  };
}

/** A list whose items `item` accepts. */
export function list(item: Check): Check {
  return (v, loc, out) => {
    if (!Array.isArray(v)) out.push(issue("list_type", loc, "Input should be a valid list", v));
    else
      v.forEach((entry, i) => {
        item(entry, [...loc, i], out);
      });
  };
}

/** A union chosen by JSON type (`string`, `number`, `array`, `object`, ...); a mismatch reports every branch. */
export function byType(
  branches: Partial<Record<"string" | "number" | "boolean" | "array" | "object", Check>>,
): Check {
  return (v, loc, out) => {
    const kind = Array.isArray(v) ? "array" : v === null ? "null" : typeof v;
    const branch = branches[kind as keyof typeof branches];
    if (branch) branch(v, loc, out);
    else for (const check of Object.values(branches)) check(v, loc, out);
  };
}

/** An object with known fields; unknown keys are refused unless `extra` is "allow". */
export function model(
  name: string,
  fields: Record<string, Check>,
  required: readonly string[] = [],
  extra: "forbid" | "allow" = "forbid",
): Check {
  return (v, loc, out) => {
    if (!isRecord(v)) {
      out.push(
        issue("model_type", loc, `Input should be a valid dictionary or instance of ${name}`, v, {
          class_name: name,
        }),
      );
      return;
    }
    // Declared fields first, in declaration order, then unknown keys: pydantic's order.
    for (const [key, check] of Object.entries(fields)) {
      if (key in v) check(v[key], [...loc, key], out);
      else if (required.includes(key))
        out.push(issue("missing", [...loc, key], "Field required", v));
    }
    if (extra === "allow") return;
    for (const [key, value] of Object.entries(v)) {
      if (!(key in fields))
        out.push(issue("extra_forbidden", [...loc, key], "Extra inputs are not permitted", value));
    }
  };
}

/** A union told apart by one field (`role`, `type`); the tag joins `loc` as in the API's errors. */
export function tagged(key: string, mapping: Record<string, Check>, defaultTag?: string): Check {
  return (v, loc, out) => {
    if (!isRecord(v)) {
      out.push(
        issue(
          "model_attributes_type",
          loc,
          "Input should be a valid dictionary or object to extract fields from",
          v,
        ),
      );
      return;
    }
    const tag = v[key] ?? defaultTag;
    const discriminator = `'${key}'`;
    if (tag === undefined) {
      out.push(
        issue(
          "union_tag_not_found",
          loc,
          `Unable to extract tag using discriminator ${discriminator}`,
          v,
          { discriminator },
        ),
      );
      return;
    }
    const check = typeof tag === "string" ? mapping[tag] : undefined;
    if (!check) {
      const expected_tags = Object.keys(mapping)
        .map((t) => `'${t}'`)
        .join(", ");
      const msg = `Input tag '${String(tag)}' found using ${discriminator} does not match any of the expected tags: ${expected_tags}`;
      out.push(
        issue("union_tag_invalid", loc, msg, v, { discriminator, tag: String(tag), expected_tags }),
      );
      return;
    }
    check(v, [...loc, tag as string], out);
  };
}
