/**
 * Overlays on a resource's planned values: values known only after apply (`after_unknown`)
 * become a reference to the one resource the configuration names for them, or the
 * {@link KNOWN_AFTER_APPLY} marker; sensitive values (`sensitive_values`) become the
 * {@link SENSITIVE} marker. Pure; no cdktf imports.
 */
import { KNOWN_AFTER_APPLY, SENSITIVE } from './types';

type Obj = Record<string, unknown>;
type Container = Obj | unknown[];

/** True for a plain object. */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Where the configuration stands at a value's position: an attribute expression (its references
 * apply to every value below it), a block body, or nothing configured.
 */
export type ConfigAt =
  { readonly expr: Obj } | { readonly block: Obj } | { readonly blocks: readonly unknown[] } | undefined;

/** The configuration of an attribute of a block body: an array is a list of nested blocks, an object an expression. */
function attributeConfig(raw: unknown): ConfigAt {
  if (Array.isArray(raw)) return { blocks: raw };
  if (isObj(raw)) return { expr: raw };
  return undefined;
}

/** The configuration at `key` below `c`. */
function childConfig(c: ConfigAt, key: string | number): ConfigAt {
  if (c === undefined) return undefined;
  if ('expr' in c) return c;
  if ('block' in c) return typeof key === 'string' ? attributeConfig(c.block[key]) : undefined;
  if (typeof key !== 'number') return undefined;
  const el = c.blocks[key];
  return isObj(el) ? { block: el } : undefined;
}

/** Resolves an expression's references to one resource reference (`${type.name.attr}`), if there is one. */
export type Linker = (references: readonly unknown[]) => string | undefined;

function setAt(container: Container, key: string | number, v: unknown): void {
  (container as Record<string | number, unknown>)[key] = v;
}

function getAt(container: Container, key: string | number): unknown {
  return (container as Record<string | number, unknown>)[key];
}

/**
 * Writes what is known about the unknown value at `container[key]`.
 * - Configured as an expression: the one resource it references, else the marker.
 * - Not configured, inside a configured block: left out (the provider or AKS computes it, as when
 *   a cdk.tf.json omits it).
 * - Not configured and the enclosing block has no configuration either (a `dynamic` block, or a
 *   resource the configuration does not show): the marker, since nothing says who sets it.
 */
function unknownLeaf(
  container: Container,
  key: string | number,
  c: ConfigAt,
  enclosingConfigured: boolean,
  link: Linker,
): void {
  if (c !== undefined && 'expr' in c) {
    const refs = c.expr.references;
    setAt(container, key, (Array.isArray(refs) ? link(refs) : undefined) ?? KNOWN_AFTER_APPLY);
  } else if (c !== undefined || !enclosingConfigured) {
    setAt(container, key, KNOWN_AFTER_APPLY);
  } else if (!Array.isArray(container)) {
    delete container[key];
  }
}

function overlay(
  u: unknown,
  container: Container,
  key: string | number,
  c: ConfigAt,
  enclosingConfigured: boolean,
  link: Linker,
): void {
  if (u === true) {
    unknownLeaf(container, key, c, enclosingConfigured, link);
    return;
  }
  const configured = enclosingConfigured && c !== undefined;
  if (Array.isArray(u)) {
    let v = getAt(container, key);
    if (!Array.isArray(v)) setAt(container, key, (v = []));
    const list = v as unknown[];
    u.forEach((ui, i) => overlay(ui, list, i, childConfig(c, i), configured, link));
  } else if (isObj(u)) {
    let v = getAt(container, key);
    if (!isObj(v)) setAt(container, key, (v = {}));
    const obj = v as Obj;
    for (const [k, uk] of Object.entries(u))
      overlay(uk, obj, k, childConfig(c, k), configured || (c !== undefined && 'expr' in c), link);
  }
}

/**
 * Applies `after_unknown` to a resource's values (in place).
 * @param values the planned values (unknown values omitted)
 * @param afterUnknown the change's `after_unknown` (`true` at unknown values)
 * @param expressions the resource block's configuration expressions; undefined when the
 *   configuration does not show the resource
 * @param link resolves references to one resource reference
 */
export function applyUnknown(values: Obj, afterUnknown: unknown, expressions: Obj | undefined, link: Linker): void {
  if (!isObj(afterUnknown)) return;
  const c: ConfigAt = expressions !== undefined ? { block: expressions } : undefined;
  for (const [k, u] of Object.entries(afterUnknown))
    overlay(u, values, k, childConfig(c, k), expressions !== undefined, link);
}

function mask(s: unknown, container: Container, key: string | number): void {
  const v = getAt(container, key);
  if (s === true) {
    if (v !== undefined && v !== null) setAt(container, key, SENSITIVE);
  } else if (Array.isArray(s) && Array.isArray(v)) {
    s.forEach((si, i) => mask(si, v, i));
  } else if (isObj(s) && isObj(v)) {
    for (const [k, sk] of Object.entries(s)) mask(sk, v, k);
  }
}

/**
 * Replaces every sensitive value (`true` in `sensitive`, same shape as `values`) by
 * {@link SENSITIVE}, in place. A sensitive value is never kept, whatever its type.
 */
export function maskSensitive(values: Obj, sensitive: unknown): void {
  if (sensitive === true) {
    for (const k of Object.keys(values)) if (values[k] !== null) values[k] = SENSITIVE;
    return;
  }
  if (!isObj(sensitive)) return;
  for (const [k, s] of Object.entries(sensitive)) mask(s, values, k);
}

/** A deep copy of JSON data. */
export function copyJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
