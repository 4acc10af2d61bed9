/**
 * How a value from a plan reads in a message: bounded in length, never a secret, never an
 * engine-internal object or `undefined`. Pure: no cdktf imports, no recursion deeper than
 * {@link MAX_DEPTH} (a value nested 100,000 deep is fine), never throws.
 */
import { wholeExpression } from './expression';

/** Options of {@link displayValue}. */
export interface DisplayOptions {
  /**
   * The value belongs to a secret attribute (see {@link isSensitiveAttribute}): only its type and
   * length are shown, whatever its type, except a plain reference such as `${var.password}`.
   * @default false
   */
  readonly sensitive?: boolean;
  /**
   * The most characters shown; a longer value is cut and its length shown.
   * @default DEFAULT_MAX
   */
  readonly max?: number;
}

/** The default of {@link DisplayOptions.max}. */
export const DEFAULT_MAX = 100;

/** How deep lists and objects are written before `...` stands for the rest. */
export const MAX_DEPTH = 8;

/** Attribute names whose values are secrets (matched against the last segment of a path). */
export const SENSITIVE_ATTRIBUTE = new RegExp(
  '^(?:.*_)?(?:passwords?|passwd|secrets?|tokens?|credentials?|private_key|client_key|client_certificate|access_key|key|sas' +
    '|connection_string|kube_(?:admin_)?config(?:_raw)?)$',
  'i',
);

/**
 * True when an attribute holds a secret, by its name or the last segment of its path:
 * `admin_password`, `windows_profile.admin_password`, `client_secret`, `kube_config`, `access_key`.
 */
export function isSensitiveAttribute(pathOrName: string): boolean {
  const last = pathOrName.split('.').pop() ?? '';
  return SENSITIVE_ATTRIBUTE.test(last.replace(/\[\d+\]$/, ''));
}

/** A plain reference (`var.x`, `data.a.b.value`, `module.m.out[0]`), the only expression shown for a secret. */
const REFERENCE = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*$/;

function isEngineUnknown(v: unknown): v is { kind: 'unknown'; expression: string } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  try {
    const u = v as { kind?: unknown; expression?: unknown };
    return u.kind === 'unknown' && typeof u.expression === 'string';
  } catch {
    return false;
  }
}

/** The type of a value in words: `a string`, `a list`, `an object`, `a number`, `a boolean`, `null`, `nothing`. */
export function valueKind(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (isEngineUnknown(v)) return 'an expression';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

function cut(text: string, max: number, length = text.length): string {
  return length > max ? `${text.slice(0, max)}... (${length} characters)` : text;
}

function quote(s: string): string {
  return `'${s}'`;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === null) return 'null';
  if (v === undefined) return '(not set)';
  if (typeof v === 'symbol' || typeof v === 'function') return `(${valueKind(v)})`;
  return undefined;
}

/** Writes `v` as JSON-like text into `out` until `budget` characters are written. */
function write(v: unknown, out: string[], state: { left: number; seen: Set<object> }, depth: number): void {
  const put = (s: string) => {
    out.push(s.length > state.left ? s.slice(0, Math.max(state.left, 0)) : s);
    state.left -= s.length;
  };
  if (state.left <= 0) return;
  if (typeof v === 'string') return put(JSON.stringify(v.length > state.left ? v.slice(0, state.left) : v));
  const s = scalar(v);
  if (s !== undefined) return put(s);
  if (isEngineUnknown(v)) return put(v.expression);
  const obj = v as object;
  if (depth >= MAX_DEPTH || state.seen.has(obj)) return put(Array.isArray(obj) ? '[...]' : '{...}');
  state.seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      put('[');
      for (let i = 0; i < obj.length && state.left > 0; i++) {
        if (i > 0) put(',');
        write(obj[i], out, state, depth + 1);
      }
      put(']');
    } else {
      put('{');
      let first = true;
      for (const k of Object.keys(obj)) {
        if (state.left <= 0) break;
        if (!first) put(',');
        first = false;
        put(`${JSON.stringify(k)}:`);
        write((obj as Record<string, unknown>)[k], out, state, depth + 1);
      }
      put('}');
    }
  } catch {
    put('(unreadable)');
  } finally {
    state.seen.delete(obj);
  }
}

function structure(v: unknown, max: number): string {
  const out: string[] = [];
  const state = { left: max + 1, seen: new Set<object>() };
  write(v, out, state, 0);
  const text = out.join('');
  return text.length > max ? `${text.slice(0, max)}... (cut)` : text;
}

function secret(v: unknown): string {
  const expression = typeof v === 'string' ? v : isEngineUnknown(v) ? v.expression : undefined;
  const ref = expression === undefined ? undefined : wholeExpression(expression);
  if (ref !== undefined && REFERENCE.test(ref)) return typeof v === 'string' ? quote(v) : (expression as string);
  if (typeof v === 'string') return `(a string of ${v.length} characters; the value is not shown)`;
  return `(${valueKind(v)}; the value is not shown)`;
}

/**
 * A value as a message shows it: a string quoted (`'aks-prod'`), cut to `max` characters with its
 * length (`'aaaa...' (10485760 characters)`); a number, boolean or `null` as written (`Infinity`,
 * `-0`); a list or object as compact JSON, cut and depth-limited; an engine Unknown as its
 * expression (`${var.pod_cidr}`), also inside lists; `undefined` as `(not set)`. With `sensitive`,
 * only the type (and a string's length) is shown, whatever the type: never the value.
 * Never throws, never recurses more than {@link MAX_DEPTH} levels.
 */
export function displayValue(v: unknown, opts: DisplayOptions = {}): string {
  const max = Math.max(1, opts.max ?? DEFAULT_MAX);
  if (opts.sensitive) return secret(v);
  if (typeof v === 'string') return v.length > max ? `${quote(v.slice(0, max))}... (${v.length} characters)` : quote(v);
  const s = scalar(v);
  if (s !== undefined) return s;
  if (isEngineUnknown(v)) return cut(v.expression, max);
  return structure(v, max);
}
