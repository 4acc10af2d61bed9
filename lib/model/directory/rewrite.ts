/**
 * Rewriting the expressions of a module's blocks into the root module's names when the module is
 * inlined: resource references to their flat names, `local.x` to the module's renamed locals,
 * `var.x` to the value the module call passes, `module.child.out` to the child's output value.
 * Works on the `${...}` templates of Terraform JSON strings. Pure; no cdktf imports.
 */

import { followSteps } from '../expand';

/** What a reference inside the module becomes. */
export interface Scope {
  /** `type.name` / `data.type.name` -> the flat name in the root (same form). */
  readonly resources: ReadonlyMap<string, string>;
  /** Local name -> renamed local name (without `local.`). */
  readonly locals: ReadonlyMap<string, string>;
  /** Variable name -> the value in the root's terms (a literal, or a string holding a root expression). */
  readonly variables: ReadonlyMap<string, unknown>;
  /** `child.output` -> the value in the root's terms. */
  readonly outputs: ReadonlyMap<string, unknown>;
  /** Name given to a variable the call does not set and that has no default: `var.<name>`. */
  readonly unsetVariable: (name: string) => string;
}

/** The longest literal written into an expression in place of a variable (longer ones stay references). */
const MAX_INLINED = 10_000;

const WHOLE = /^\$\{\s*([^{}]*?)\s*\}$/;
const TRAVERSAL = /(^|[^\w.$"-])((?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*)(\.[A-Za-z_][\w-]*)?/g;

/** A value as an HCL expression fragment: a root expression unwrapped, a literal as JSON. */
function asExpression(v: unknown): string {
  if (typeof v === 'string') {
    const inner = WHOLE.exec(v)?.[1];
    if (inner !== undefined) return `(${inner})`;
    if (!v.includes('${')) return JSON.stringify(v);
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? 'null';
}

/** The whole-expression replacement of `first.second[.third]`, if the scope knows it. */
function lookup(
  scope: Scope,
  first: string,
  second: string,
  third: string | undefined,
): { value: unknown } | { text: string } | undefined {
  if (first === 'var') {
    if (scope.variables.has(second)) return { value: scope.variables.get(second) };
    return { text: `var.${scope.unsetVariable(second)}` };
  }
  if (first === 'local') {
    const renamed = scope.locals.get(second);
    return renamed !== undefined ? { text: `local.${renamed}` } : undefined;
  }
  if (first === 'module' && third !== undefined) {
    const key = `${second}.${third}`;
    return scope.outputs.has(key) ? { value: scope.outputs.get(key) } : undefined;
  }
  const renamed = scope.resources.get(`${first}.${second}`);
  return renamed !== undefined ? { text: renamed } : undefined;
}

/** Rewrites the references of one expression (the text inside `${...}`). */
export function rewriteExpression(expr: string, scope: Scope): string {
  return expr.replace(TRAVERSAL, (all, lead: string, head: string, tail: string | undefined) => {
    const isData = head.startsWith('data.');
    const [a, b] = isData ? ['data', head.slice(5)] : head.split('.');
    // data.type.name: the name is the next step
    if (isData) {
      const name = tail?.slice(1);
      const renamed = name !== undefined ? scope.resources.get(`data.${b}.${name}`) : undefined;
      return renamed !== undefined ? `${lead}${renamed}` : all;
    }
    const third = tail?.slice(1);
    const r = lookup(scope, a, b, third);
    if (r === undefined) return all;
    const consumed = a === 'module' ? '' : (tail ?? '');
    if ('text' in r) return `${lead}${r.text}${consumed}`;
    // `var.net.cidr` of a passed object: only that part is written into the expression
    if (a === 'var' && third !== undefined && typeof r.value === 'object' && r.value !== null) {
      const part = followSteps(r.value, [third]);
      if (part !== undefined && (typeof part !== 'object' || part === null)) return `${lead}${asExpression(part)}`;
    }
    // a large passed value is not copied into every expression that reads it: it stays a reference
    const written = asExpression(r.value);
    if (written.length > MAX_INLINED) return `${lead}var.${scope.unsetVariable(b)}${consumed}`;
    return `${lead}${written}${consumed}`;
  });
}

const STEP = /^(?:\.([A-Za-z_][\w-]*)|\[\s*(\d+)\s*\]|\[\s*"([^"\\]*)"\s*\])/;

/** `var.NAME` followed by attribute names and indexes (`.a`, `[0]`, `["a"]`): the name and the steps. */
function variablePath(inner: string): { name: string; steps: (string | number)[] } | undefined {
  const head = /^var\.([A-Za-z_][\w-]*)/.exec(inner);
  if (!head) return undefined;
  const steps: (string | number)[] = [];
  let rest = inner.slice(head[0].length);
  while (rest !== '') {
    const m = STEP.exec(rest);
    if (!m) return undefined;
    steps.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]));
    rest = rest.slice(m[0].length);
  }
  return steps.length > 0 ? { name: head[1], steps } : undefined;
}

/**
 * A part of an object or list the module call passes (`var.network.pod_cidr`, `var.pools[0]`),
 * when the call passes it as a literal; undefined otherwise (the reference is rewritten as text).
 */
function passedPart(inner: string, scope: Scope): { value: unknown } | undefined {
  const p = variablePath(inner);
  if (!p || !scope.variables.has(p.name)) return undefined;
  const passed = scope.variables.get(p.name);
  if (typeof passed === 'string' || typeof passed !== 'object' || passed === null) return undefined;
  const v = followSteps(passed, p.steps);
  return v === undefined ? undefined : { value: v };
}

/**
 * Rewrites a JSON value of the module (any depth). A string that is exactly `${var.x}` (or a
 * module output) becomes the passed value itself, keeping its type (a list stays a list).
 */
export function rewriteValue(v: unknown, scope: Scope): unknown {
  if (typeof v === 'string') {
    if (!v.includes('${')) return v;
    const inner = WHOLE.exec(v)?.[1];
    const whole = inner !== undefined ? /^(var|module)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?$/.exec(inner) : null;
    if (whole && (whole[1] === 'var' ? !whole[3] : whole[3] !== undefined)) {
      const r = lookup(scope, whole[1], whole[2], whole[3]);
      if (r && 'value' in r) return r.value;
    }
    const part = inner !== undefined ? passedPart(inner, scope) : undefined;
    if (part) return part.value;
    return v.replace(/\$\{([^{}]*)\}/g, (_m, e: string) => {
      const ref = /^\s*(var|module)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?\s*$/.exec(e);
      const r = passedPart(e.trim(), scope) ?? (ref ? lookup(scope, ref[1], ref[2], ref[3]) : undefined);
      // a literal passed into a template is written as text: "nodes-${var.cidr}" -> "nodes-10.1.0.0/24"
      if (
        r &&
        'value' in r &&
        ['string', 'number', 'boolean'].includes(typeof r.value) &&
        !String(r.value).includes('${')
      )
        return String(r.value);
      return `\${${rewriteExpression(e, scope)}}`;
    });
  }
  if (Array.isArray(v)) return v.map((x) => rewriteValue(x, scope));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === '//' ? x : rewriteValue(x, scope);
    return out;
  }
  return v;
}
