/**
 * Terraform resource addresses (`module.aks[0].azurerm_x.y["a"]`): parsing, and the unique
 * names under which a plan's resources and a module's resources are flattened into one root
 * document (`module_aks__this`). Pure; no cdktf imports.
 */

/** One `module.NAME[KEY]` step of an address. */
export interface ModuleStep {
  /** The module call's name. */
  readonly name: string;
  /** The instance key of a module with `count` (a number) or `for_each` (a string). */
  readonly key?: string | number;
}

/** A parsed resource instance address. */
export interface ResourceAddress {
  /** The module path, outermost first; empty in the root module. */
  readonly modules: readonly ModuleStep[];
  /** `managed` for `resource` blocks, `data` for data sources. */
  readonly mode: 'managed' | 'data';
  /** The resource type, e.g. `azurerm_subnet`. */
  readonly type: string;
  /** The resource name of its block, e.g. `nodes`. */
  readonly name: string;
  /** The instance key of a resource with `count` or `for_each`. */
  readonly index?: string | number;
}

const NAME = /^[A-Za-z_][\w-]*/;

/** Reads `[0]` or `["key"]` at `s[i]`; returns the key and the index after `]`. */
function readKey(s: string, i: number): { key: string | number; next: number } | undefined {
  if (s[i] !== '[') return undefined;
  const close = s[i + 1] === '"' ? s.indexOf('"]', i + 2) + 1 : s.indexOf(']', i);
  if (close <= 0) return undefined;
  const inner = s.slice(i + 1, close);
  if (/^\d+$/.test(inner)) return { key: Number(inner), next: close + 1 };
  try {
    const key: unknown = JSON.parse(inner);
    return typeof key === 'string' ? { key, next: close + 1 } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses a resource instance address as Terraform prints it, e.g.
 * `module.aks.azurerm_kubernetes_cluster.this`, `azurerm_subnet.s[0]`, `data.azurerm_client_config.c`.
 * @returns undefined when `address` is not a resource address
 */
export function parseAddress(address: string): ResourceAddress | undefined {
  let rest = address;
  const modules: ModuleStep[] = [];
  while (rest.startsWith('module.')) {
    const name = NAME.exec(rest.slice(7))?.[0];
    if (name === undefined) return undefined;
    let i = 7 + name.length;
    const k = readKey(rest, i);
    if (k) i = k.next;
    modules.push(k ? { name, key: k.key } : { name });
    if (rest[i] !== '.') return undefined;
    rest = rest.slice(i + 1);
  }
  let mode: 'managed' | 'data' = 'managed';
  if (rest.startsWith('data.')) {
    mode = 'data';
    rest = rest.slice(5);
  }
  const m = /^([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)/.exec(rest);
  if (!m) return undefined;
  let i = m[0].length;
  const k = readKey(rest, i);
  if (k) i = k.next;
  if (i !== rest.length) return undefined;
  return { modules, mode, type: m[1], name: m[2], ...(k ? { index: k.key } : {}) };
}

/** `["a"]` or `[0]`: an instance key as Terraform prints it. */
export function keyText(key: string | number): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** `module.a["k"].module.b` for a module path (empty string for the root). */
export function modulePathText(modules: readonly ModuleStep[]): string {
  return modules.map((m) => `module.${m.name}${m.key !== undefined ? keyText(m.key) : ''}`).join('.');
}

/** The address text of a parsed address (the inverse of {@link parseAddress}). */
export function addressText(a: ResourceAddress): string {
  const mod = modulePathText(a.modules);
  const own = `${a.mode === 'data' ? 'data.' : ''}${a.type}.${a.name}${a.index !== undefined ? keyText(a.index) : ''}`;
  return mod === '' ? own : `${mod}.${own}`;
}

/** A key or name as it may appear in a Terraform name: every other character becomes `_`. */
export function sanitize(s: string | number): string {
  return String(s).replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * The flat name of a resource in the root document: `module_<call>[_<key>]__` per module level,
 * then the resource name, then `__<key>` for a `count` / `for_each` instance. A root resource
 * without an instance key keeps its own name.
 * @example mangledName(parseAddress('module.aks.azurerm_kubernetes_cluster.this')!) === 'module_aks__this'
 */
export function mangledName(a: Pick<ResourceAddress, 'modules' | 'name' | 'index'>): string {
  const parts = a.modules.map((m) => `module_${sanitize(m.name)}${m.key !== undefined ? `_${sanitize(m.key)}` : ''}`);
  parts.push(a.index !== undefined ? `${a.name}__${sanitize(a.index)}` : a.name);
  return parts.join('__');
}

/**
 * Hands out unique names per `mode.type`: the mangled name, or the mangled name with `_2`, `_3`,
 * ... when another address already took it.
 */
export class NameTable {
  private readonly taken = new Map<string, Set<string>>();

  /** Reserves `name` for `group` (e.g. the names a document already has). */
  reserve(group: string, name: string): void {
    const set = this.taken.get(group) ?? new Set<string>();
    set.add(name);
    this.taken.set(group, set);
  }

  /** A name for `wanted` in `group` that no earlier call returned. */
  unique(group: string, wanted: string): string {
    const set = this.taken.get(group) ?? new Set<string>();
    let name = wanted;
    for (let n = 2; set.has(name); n++) name = `${wanted}_${n}`;
    set.add(name);
    this.taken.set(group, set);
    return name;
  }
}
