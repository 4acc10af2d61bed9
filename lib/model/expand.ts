/**
 * Static evaluation of the Terraform meta-arguments that multiply or generate configuration:
 * `count`, `for_each` and `dynamic` blocks, where their value is a literal. What cannot be evaluated
 * is reported, never silently dropped. Pure; no cdktf imports.
 */
import { asInteger, isUnknown, kindOf } from './attr';
import { parseTraversal, wholeExpression } from './expression';

/** A JSON object. */
export type Obj = Record<string, unknown>;

/** True for a JSON object (not a list, not null). */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deepest nesting the walkers follow; deeper values are kept as they are. */
const MAX_DEPTH = 64;

/** Values of iteration symbols: `count` -> `{ index: 2 }`, `each` -> `{ key, value }`. */
export type Symbols = ReadonlyMap<string, unknown>;

function lookup(symbols: Symbols, expr: string): { found: boolean; value?: unknown } {
  const t = parseTraversal(expr);
  if (!t || !symbols.has(t.root)) return { found: false };
  let cur: unknown = symbols.get(t.root);
  for (const step of t.steps) {
    if (Array.isArray(cur) && typeof step === 'number') cur = cur[step];
    else if (isObj(cur) && Object.prototype.hasOwnProperty.call(cur, step)) cur = cur[String(step)];
    else return { found: false };
  }
  return { found: true, value: cur };
}

const INTERPOLATION = /\$\{([^{}]*)\}/g;

/** Replaces references to `symbols` in a string: a whole expression by the value, a template part by its text. */
function substituteString(s: string, symbols: Symbols): unknown {
  if (!s.includes('${')) return s;
  const inner = wholeExpression(s);
  if (inner !== undefined) {
    const r = lookup(symbols, inner);
    return r.found ? r.value : s;
  }
  return s.replace(INTERPOLATION, (whole, expr: string) => {
    const r = lookup(symbols, expr.trim());
    return r.found && (typeof r.value === 'string' || typeof r.value === 'number' || typeof r.value === 'boolean')
      ? String(r.value)
      : whole;
  });
}

/** A copy of `v` with the iteration symbols substituted (objects are rebuilt without prototypes' setters). */
export function substitute(v: unknown, symbols: Symbols, depth = 0): unknown {
  if (symbols.size === 0 || depth > MAX_DEPTH) return v;
  if (typeof v === 'string') return substituteString(v, symbols);
  if (Array.isArray(v)) return v.map((x) => substitute(x, symbols, depth + 1));
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v))
    Object.defineProperty(out, k, {
      value: substitute(x, symbols, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

/** One instance of a resource: its address suffix (`[0]`, `["a"]`, or empty) and the symbols for its body. */
export interface Instance {
  readonly suffix: string;
  readonly symbols: Symbols;
}

/**
 * A literal written as a whole expression, as hcl2json renders HCL literals: `"${[\"a\"]}"` is the list
 * `["a"]`, `"${3}"` the number 3. Anything that is not plain JSON inside `${...}` stays as it is.
 */
export function literalOf(v: unknown): unknown {
  if (typeof v !== 'string' || !v.startsWith('${') || !v.endsWith('}')) return v;
  const inner = v.slice(2, -1).trim();
  if (!/^[[\d"-]/.test(inner) || inner.length > 100_000) return v;
  try {
    const parsed: unknown = JSON.parse(inner);
    const flat = (x: unknown): boolean => x === null || ['string', 'number', 'boolean'].includes(typeof x);
    if (flat(parsed) || (Array.isArray(parsed) && parsed.every(flat))) return parsed;
  } catch {
    // not JSON: an HCL expression
  }
  return v;
}

/** The most instances one resource is read as (`count` / `for_each`); the rest are not checked. */
const MAX_INSTANCES = 10_000;

function beyond(what: string): string {
  const max = MAX_INSTANCES.toLocaleString('en-US');
  return `${what} makes more than ${max} instances; only the first ${max} are checked`;
}

/**
 * The instances `count` / `for_each` make, or `notEvaluated` saying why they could not be counted.
 * @param known the value of a whole expression when the document or the check context knows it
 *   (`${var.subnets}` with the variable given), else the value as written
 */
export function instancesOf(
  body: Obj,
  known: (v: unknown) => unknown = (v) => v,
): {
  instances: Instance[];
  notEvaluated?: string;
} {
  const single: Instance[] = [{ suffix: '', symbols: new Map() }];
  if (body.count !== undefined && body.count !== null) {
    const count = literalOf(known(body.count));
    const n = typeof count === 'string' && count.includes('${') ? undefined : asInteger(count);
    if (typeof n !== 'number' || isUnknown(n) || n < 0) {
      // typically a feature toggle (`var.enabled ? 1 : 0`): the resource may not exist, so it is not
      // checked (a rule must not fail a plan on a resource that may be absent)
      return {
        instances: [],
        notEvaluated: `count = ${show(body.count)} is not a literal number; the resource may not exist and is not checked`,
      };
    }
    return {
      instances: Array.from({ length: Math.min(n, MAX_INSTANCES) }, (_, i) => ({
        suffix: `[${i}]`,
        symbols: new Map([['count', { index: i }]]),
      })),
      ...(n > MAX_INSTANCES ? { notEvaluated: beyond(`count = ${n}`) } : {}),
    };
  }
  const fe = literalOf(known(body.for_each));
  if (fe === undefined || fe === null) return { instances: single };
  let entries: [string, unknown][] | undefined;
  if (isObj(fe)) entries = Object.entries(fe);
  else if (Array.isArray(fe) && fe.every((x) => typeof x === 'string' && !x.includes('${')))
    entries = [...new Set(fe as string[])].map((key) => [key, key]);
  if (entries !== undefined) {
    return {
      instances: entries.slice(0, MAX_INSTANCES).map(([key, value]) => ({
        suffix: `[${JSON.stringify(key)}]`,
        symbols: new Map([['each', { key, value }]]),
      })),
      ...(entries.length > MAX_INSTANCES ? { notEvaluated: beyond(`for_each over ${entries.length} keys`) } : {}),
    };
  }
  return {
    instances: single,
    notEvaluated: `for_each = ${show(fe)} is not a literal map or set; checked as one instance`,
  };
}

function show(v: unknown): string {
  if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 77)}...` : v;
  return kindOf(v);
}

/** The bodies of one `dynamic` entry: its `content` per literal `for_each` item, or why not. */
function dynamicBodies(name: string, spec: unknown): { bodies?: Obj[]; why?: string } {
  const s: unknown = Array.isArray(spec) && spec.length === 1 ? spec[0] : spec;
  if (!isObj(s)) return { why: `dynamic "${name}" is ${kindOf(s)}, not a block` };
  const content: unknown = Array.isArray(s.content) && s.content.length === 1 ? s.content[0] : s.content;
  if (!isObj(content)) return { why: `dynamic "${name}" has no content block` };
  const iterator = typeof s.iterator === 'string' && /^[A-Za-z_][\w-]*$/.test(s.iterator) ? s.iterator : name;
  const fe = literalOf(s.for_each);
  let items: [unknown, unknown][];
  if (Array.isArray(fe) && !fe.some((x) => typeof x === 'string' && x.includes('${'))) items = fe.map((v, i) => [i, v]);
  else if (isObj(fe)) items = Object.entries(fe);
  else return { why: `dynamic "${name}" iterates over ${show(fe)}, which is not a literal list or map` };
  return { bodies: items.map(([key, value]) => substitute(content, new Map([[iterator, { key, value }]])) as Obj) };
}

/** True when a `dynamic` key occurs anywhere in the body (a walk without allocations). */
function hasDynamic(v: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(v)) return v.some((x) => typeof x === 'object' && x !== null && hasDynamic(x, depth + 1));
  if (!isObj(v)) return false;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    if (k === 'dynamic') return true;
    const x = v[k];
    if (typeof x === 'object' && x !== null && hasDynamic(x, depth + 1)) return true;
  }
  return false;
}

/**
 * A body with its `dynamic` blocks rendered where `for_each` is literal (at any depth). A dynamic
 * block that cannot be rendered becomes the expression `${dynamic.<name>}` (an unknown block) and
 * its reason is passed to `onNotEvaluated`.
 */
export function renderDynamic(body: Obj, onNotEvaluated: (why: string) => void, depth = 0): Obj {
  if (depth > MAX_DEPTH || (depth === 0 && !hasDynamic(body, 0))) return body;
  const out: Obj = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === 'dynamic') continue;
    const value = isObj(v)
      ? renderDynamic(v, onNotEvaluated, depth + 1)
      : Array.isArray(v)
        ? v.map((x: unknown) => (isObj(x) ? renderDynamic(x, onNotEvaluated, depth + 1) : x))
        : v;
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  const dyn = Array.isArray(body.dynamic) ? body.dynamic.filter(isObj) : isObj(body.dynamic) ? [body.dynamic] : [];
  for (const group of dyn) {
    for (const [name, spec] of Object.entries(group)) {
      const r = dynamicBodies(name, spec);
      if (r.bodies) {
        const existing = out[name];
        const rendered = r.bodies.map((b) => renderDynamic(b, onNotEvaluated, depth + 1));
        const before: unknown[] =
          existing === undefined ? [] : Array.isArray(existing) ? (existing as unknown[]) : [existing];
        const merged = existing === undefined ? rendered : [...before, ...rendered];
        Object.defineProperty(out, name, { value: merged, enumerable: true, writable: true, configurable: true });
      } else {
        onNotEvaluated(r.why ?? `dynamic "${name}" could not be rendered`);
        if (out[name] === undefined) {
          Object.defineProperty(out, name, {
            value: `\${dynamic.${name}}`,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
    }
  }
  return out;
}

/**
 * The value at `steps` below `body` (attribute names and list indexes, as a traversal writes them),
 * or undefined. A block written as an object is read as its `[0]`, and a one-element list of
 * blocks as its only block (HCL JSON allows both).
 */
export function followSteps(body: unknown, steps: readonly (string | number)[]): unknown {
  let cur = body;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (Array.isArray(cur)) cur = cur[step];
      else if (isObj(cur) && step === 0) continue;
      else return undefined;
    } else {
      if (Array.isArray(cur) && cur.length === 1 && isObj(cur[0])) cur = cur[0];
      if (!isObj(cur) || !Object.prototype.hasOwnProperty.call(cur, step)) return undefined;
      cur = cur[step];
    }
  }
  return cur;
}

/** A body without its `count` and `for_each` (they say how many instances there are, not what each is). */
export function withoutMeta(body: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(body))
    if (k !== 'count' && k !== 'for_each')
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true });
  return out;
}
