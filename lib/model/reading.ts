/**
 * How the document reader treats attribute values: which attributes hold secrets (their values are
 * never shown nor resolved from variables), how a value is shown in a problem, and which lists are
 * kept as written. Pure; no cdktf imports.
 */
import { jsonText, kindOf } from './attr';

/** Attributes whose values are secrets: messages never show them, whatever their type. */
export const SECRET = /(^|\.)(\w+_)?(password|client_key|client_certificate|secret|token|ssh_key|key_data)(\[\d+\])?$/;

/** The value as a message shows it: its JSON text, or only its kind for a secret attribute. */
export function shown(raw: unknown, what: string): string {
  return SECRET.test(what) ? `${kindOf(raw)} (the value is not shown)` : `${kindOf(raw)} ${jsonText(raw)}`;
}

/** True when every index of a list holds what `value` keeps as it is: a string without `${`, a number or a boolean. */
export function allPlainLiterals(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (!(typeof x === 'number' || typeof x === 'boolean' || (typeof x === 'string' && !x.includes('${'))))
      return false;
  }
  return true;
}

/** Adds the input variables and the locals that `v` (any JSON value) references to `vars` and `locals`. */
function addNames(v: unknown, vars: Set<string>, locals: Set<string>): void {
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x === 'string') {
      for (const m of x.matchAll(/\b(var|local)\.([A-Za-z_][\w-]*)/g)) (m[1] === 'var' ? vars : locals).add(m[2]);
    } else if (typeof x === 'object' && x !== null) for (const y of Object.values(x)) stack.push(y);
  }
}

/** The document's `locals` by name (HCL JSON: an object, or a list of objects). */
function localsOf(document: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const raw =
    typeof document === 'object' && document !== null ? (document as Record<string, unknown>).locals : undefined;
  const blocks: unknown[] = Array.isArray(raw) ? raw : [raw];
  for (const block of blocks)
    if (typeof block === 'object' && block !== null) for (const [k, v] of Object.entries(block)) out.set(k, v);
  return out;
}

/**
 * The input variables that `values` read, directly or through the document's locals (a local that
 * reads a variable, or another local, to any depth).
 */
export function variablesReadBy(values: readonly unknown[], document: unknown): Set<string> {
  const vars = new Set<string>();
  const locals = new Set<string>();
  for (const v of values) addNames(v, vars, locals);
  const defs = localsOf(document);
  const queue = [...locals];
  while (queue.length > 0) {
    const before = locals.size;
    addNames(defs.get(queue.pop() as string), vars, locals);
    if (locals.size > before) queue.push(...[...locals].slice(before));
  }
  return vars;
}

/**
 * The input variables that a secret attribute reads anywhere in the document (resources, providers,
 * module calls), directly or through locals: their values are never resolved, wherever else they are read.
 */
export function variablesReadBySecrets(document: unknown): Set<string> {
  const secrets: unknown[] = [];
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    for (const [k, x] of Object.entries(v)) {
      if (SECRET.test(k)) secrets.push(x);
      else stack.push(x);
    }
  }
  return variablesReadBy(secrets, document);
}
