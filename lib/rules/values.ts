/**
 * Reading the attributes a rule needs from the model, one shape for all rules: absent, unknown
 * (an unresolved expression), of the wrong JSON type, or a usable value. No cdktf imports.
 *
 * Unlike `asString`/`asNumber` of lib/model/effective.ts (which convert as Terraform would, for
 * rules that need an effective value), these keep a value of the wrong JSON type apart, so that
 * the rule validating that attribute reports it as an error (e.g. `kubernetes_version` written as
 * the number 1.3, which Terraform would silently turn into "1.3").
 */
import type { Located, Unknown } from '../model';
import { isUnknown } from '../model';
import type { Finding } from './types';
import { error, skipped, type RuleRef } from './finding';

/** The outcome of reading one attribute. */
export type Read<T> =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly unknown: Unknown }
  | { readonly kind: 'wrong-type'; readonly value: unknown }
  | { readonly kind: 'ok'; readonly value: T };


function read<T>(v: unknown, accept: (x: unknown) => T | undefined): Read<T> {
  if (v === undefined || v === null) return { kind: 'absent' };
  if (isUnknown(v)) return { kind: 'unknown', unknown: v };
  const ok = accept(v);
  return ok === undefined ? { kind: 'wrong-type', value: v } : { kind: 'ok', value: ok };
}

/** A string attribute. */
export function readString(v: unknown): Read<string> {
  return read(v, (x) => (typeof x === 'string' ? x : undefined));
}

/** A whole-number attribute; a string of digits counts, as Terraform converts it. */
export function readInteger(v: unknown): Read<number> {
  return read(v, (x) => {
    if (typeof x === 'number' && Number.isInteger(x)) return x;
    if (typeof x === 'string' && /^\s*-?\d+\s*$/.test(x)) return Number(x);
    return undefined;
  });
}

/** A boolean attribute; `"true"`/`"false"` count, as Terraform converts them. */
export function readBoolean(v: unknown): Read<boolean> {
  return read(v, (x) => {
    if (typeof x === 'boolean') return x;
    if (x === 'true' || x === 'false') return x === 'true';
    return undefined;
  });
}

/** A list attribute (items unread). */
export function readList(v: unknown): Read<readonly unknown[]> {
  return read(v, (x) => (Array.isArray(x) ? x : undefined));
}

/** A value as a message shows it: strings quoted, others with their JSON type. */
export function show(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (v === null) return 'null';
  if (isUnknown(v)) return v.expression;
  if (Array.isArray(v)) return `the list ${safeJson(v)}`;
  if (typeof v === 'object') return `the object ${safeJson(v)}`;
  return `the ${typeof v} ${String(v)}`;
}

function safeJson(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return '(unprintable)';
  }
}

/**
 * Checks one string attribute of one element: absent gives nothing, an Unknown a skipped-rule
 * warning, a value of the wrong type an error, and a string the error `problem(value)` returns
 * (when it returns one).
 * @param expected how a valid value looks, for the wrong-type fix, e.g. `e.g. 'aks-prod'`
 */
export function checkString(
  rule: RuleRef,
  el: Located,
  attribute: string,
  value: unknown,
  expected: string,
  problem: (s: string) => { message: string; fix: string } | undefined,
): Finding[] {
  const r = readString(value);
  switch (r.kind) {
    case 'absent':
      return [];
    case 'unknown':
      return [skipped(rule, el, attribute, r.unknown)];
    case 'wrong-type':
      return [error(rule, el, `${attribute} is ${show(r.value)}, not a string`, `set ${attribute} to a string, ${expected}`)];
    case 'ok': {
      const p = problem(r.value);
      return p ? [error(rule, el, p.message, p.fix)] : [];
    }
  }
}

/**
 * A suggestion for a fix: `s` with every character outside `allowed` (a character-class body)
 * replaced by `-`, cut to `max` characters and trimmed of non-alphanumerics at both ends.
 * @param fallback returned when nothing usable is left
 */
export function sanitizeName(s: string, allowed: string, max: number, fallback: string): string {
  const out = s
    .replace(new RegExp(`[^${allowed}]`, 'g'), '-')
    .replace(/-{2,}/g, '-')
    .slice(0, max)
    .replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '');
  return out === '' ? fallback : out;
}
