/**
 * Reading an attribute value as Terraform converts it: the one way every layer reads the model.
 * A value is the typed value, an {@link Unknown} (an unresolved expression, or a value of the wrong
 * type that Terraform cannot convert, told apart by `cause`), or `undefined` when omitted.
 * Pure; no cdktf imports.
 */
import { displayValue } from './display';
import type { Unknown, Value } from './types';

/** True when `v` is an {@link Unknown}. */
export function isUnknown(v: unknown): v is Unknown {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    (v as { kind?: unknown }).kind === 'unknown' &&
    typeof (v as { expression?: unknown }).expression === 'string'
  );
}

/** An Unknown for an unresolved expression. */
export function unknown(expression: string, reason?: string): Unknown {
  return reason === undefined ? { kind: 'unknown', expression } : { kind: 'unknown', expression, reason };
}

/** What a JSON value is, in words: `a list`, `an object`, `a number`, `null`. */
export function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** True when a list or object nests deeper than `limit` (checked without recursion). */
function deeper(v: unknown, limit: number): boolean {
  let level: unknown[] = [v];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > limit) return true;
    const next: unknown[] = [];
    for (const x of level) if (typeof x === 'object' && x !== null) for (const y of Object.values(x)) next.push(y);
    if (next.length > 10_000) return false; // wide, not deep: JSON.stringify copes
    level = next;
  }
  return false;
}

/**
 * JSON text of a value for messages, cut to `max` characters (with the full length shown). An Unknown
 * inside a list shows as its expression; `Infinity` as written; a value nested deeper than 50 levels
 * through `displayValue` (depth-limited, so the text is the same at any call depth).
 */
export function jsonText(v: unknown, max = 80): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (deeper(v, 50)) return displayValue(v, { max });
  let s: string;
  try {
    s = JSON.stringify(v, (_k, x: unknown) => (isUnknown(x) ? x.expression : x)) ?? kindOf(v);
  } catch {
    s = kindOf(v);
  }
  return s.length > max ? `${s.slice(0, max - 3)}... (${s.length} characters)` : s;
}

/**
 * The Unknown for a value Terraform cannot convert, e.g. `wrongType({a: 1}, 'a string')`: expression
 * `{"a":1}`, reason `an object where a string belongs`, cause `wrong-type`.
 */
export function wrongType(v: unknown, expected: string): Unknown {
  return {
    kind: 'unknown',
    expression: jsonText(v),
    reason: `${kindOf(v)} where ${expected} belongs`,
    cause: 'wrong-type',
  };
}

function absent(v: unknown): v is undefined | null {
  return v === undefined || v === null;
}

/** A string attribute: numbers and booleans convert as in Terraform (`1.29` -> "1.29"). */
export function asString(v: unknown): Value<string> {
  if (absent(v)) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return wrongType(v, 'a string');
}

const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A number attribute: numeric strings convert as in Terraform (`"3"` -> 3). */
export function asNumber(v: unknown): Value<number> {
  if (absent(v)) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && NUMBER_TEXT.test(v) && Number.isFinite(Number(v))) return Number(v);
  return wrongType(v, 'a number');
}

/** A whole-number attribute (Terraform's `TypeInt`): as {@link asNumber}, and a fraction is the wrong type. */
export function asInteger(v: unknown): Value<number> {
  const n = asNumber(v);
  if (typeof n === 'number' && !Number.isInteger(n)) return wrongType(v, 'a whole number');
  return isUnknown(n) && n.cause === 'wrong-type' ? wrongType(v, 'a whole number') : n;
}

/** A boolean attribute: `"true"` / `"false"` convert as in Terraform. */
export function asBoolean(v: unknown): Value<boolean> {
  if (absent(v)) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return wrongType(v, 'a boolean');
}

/** True when every index of `v` holds a string (a plain loop: a sparse array's holes are not strings). */
function allStrings(v: readonly unknown[]): boolean {
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

/**
 * A list of strings. The whole list is Unknown when it is an expression or when an item is (that
 * item's Unknown is returned, so its expression is quoted); a single string is the wrong type.
 */
export function asStringList(v: unknown): Value<readonly string[]> {
  if (absent(v)) return undefined;
  if (isUnknown(v)) return v;
  if (!Array.isArray(v)) return wrongType(v, 'a list of strings');
  // the common case, a list of strings, is returned as it is (no copy: lists are read by many rules)
  if (allStrings(v)) return v as readonly string[];
  const out: string[] = [];
  for (const item of v) {
    const s = asString(item);
    if (s === undefined) return wrongType(item, 'a string');
    if (isUnknown(s)) return s;
    out.push(s);
  }
  return out;
}

/** A list attribute whose items are read by the caller. */
export function asList(v: unknown): Value<readonly unknown[]> {
  if (absent(v)) return undefined;
  if (isUnknown(v)) return v;
  return Array.isArray(v) ? v : wrongType(v, 'a list');
}
