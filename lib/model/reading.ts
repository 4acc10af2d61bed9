/**
 * How the document reader treats attribute values: which attributes hold secrets (their values are
 * never shown nor resolved from variables), how a value is shown in a problem, and which lists are
 * kept as written. Pure; no cdktf imports.
 */
import { jsonText, kindOf } from './attr';

/** Attributes whose values are secrets: messages never show them, whatever their type. */
export const SECRET =
  /(^|\.)(admin_password|password|client_key|client_certificate|client_secret|token|ssh_key|key_data|secret)(\[\d+\])?$/;

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

/** Adds the names of the input variables that `v` (any JSON value) references to `out`. */
function addVariableNames(v: unknown, out: Set<string>): void {
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x === 'string') for (const m of x.matchAll(/\bvar\.([A-Za-z_][\w-]*)/g)) out.add(m[1]);
    else if (typeof x === 'object' && x !== null) for (const y of Object.values(x)) stack.push(y);
  }
}

/**
 * The input variables that a secret attribute reads anywhere in the document (resources, providers,
 * module calls): their values are never resolved, wherever else they are read.
 */
export function variablesReadBySecrets(document: unknown): Set<string> {
  const out = new Set<string>();
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    for (const [k, x] of Object.entries(v)) {
      if (SECRET.test(k)) addVariableNames(x, out);
      else stack.push(x);
    }
  }
  return out;
}
