/**
 * The `configuration` section of a plan as a lookup: which configuration block a resource
 * instance comes from, and which single resource instance an expression's `references` lead to,
 * following module input variables (`var.x` -> the module call's expression in the parent) and
 * module outputs (`module.m.out` -> the output's expression in the child). Pure; no cdktf imports.
 */
import { type ModuleStep, type ResourceAddress, modulePathText } from './address';
import type { ConfigModule, ConfigResource } from './types';

/** A resource instance of the plan and the name it gets in the flat document. */
export interface PlannedInstance {
  readonly address: ResourceAddress;
  /** The name under `resource.<type>` (or `data.<type>`) in the document. */
  readonly mangled: string;
}

/** One step of a reference after its root: an attribute name or an instance key / list index. */
type Step = { readonly attr: string } | { readonly key: string | number };

/** What one reference leads to: a resource (by block), maybe one instance of it, and the attribute steps. */
interface Resolved {
  readonly group: string;
  readonly instance?: PlannedInstance;
  readonly steps: readonly Step[];
}

/** `azurerm_subnet.x[0].id` -> root `azurerm_subnet` and steps; undefined for anything else. */
function parseReference(ref: string): { root: string; steps: Step[] } | undefined {
  const root = /^[A-Za-z_][\w-]*/.exec(ref)?.[0];
  if (root === undefined) return undefined;
  const steps: Step[] = [];
  const re = /\.([A-Za-z_][\w-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  re.lastIndex = root.length;
  while (re.lastIndex < ref.length) {
    const at = re.lastIndex;
    const m = re.exec(ref);
    if (!m || m.index !== at) return undefined;
    if (m[1] !== undefined) steps.push({ attr: m[1] });
    else if (m[2] !== undefined) steps.push({ key: Number(m[2]) });
    else steps.push({ key: JSON.parse(m[3]) as string });
  }
  return { root, steps };
}

function attrOf(s: Step | undefined): string | undefined {
  return s !== undefined && 'attr' in s ? s.attr : undefined;
}

/** `.id` / `[0]` steps as Terraform syntax. */
function stepsText(steps: readonly Step[]): string {
  return steps
    .map((s) => ('attr' in s ? `.${s.attr}` : typeof s.key === 'number' ? `[${s.key}]` : `[${JSON.stringify(s.key)}]`))
    .join('');
}

const NOT_VALUES = new Set(['local', 'count', 'each', 'path', 'terraform', 'self']);
const MAX_DEPTH = 24;

/** The configuration of a plan, indexed for reference resolution. */
export class ConfigurationIndex {
  private readonly instances = new Map<string, PlannedInstance[]>();

  /**
   * @param root the plan's `configuration.root_module` (absent: every lookup finds nothing)
   * @param planned the resource instances of the plan, with their document names
   */
  constructor(
    private readonly root: ConfigModule | undefined,
    planned: readonly PlannedInstance[],
  ) {
    for (const p of planned) {
      const k = ConfigurationIndex.groupKey(p.address.modules, p.address.mode, p.address.type, p.address.name);
      const list = this.instances.get(k) ?? [];
      list.push(p);
      this.instances.set(k, list);
    }
  }

  private static groupKey(modules: readonly ModuleStep[], mode: string, type: string, name: string): string {
    return `${modulePathText(modules)}|${mode}.${type}.${name}`;
  }

  /** The configuration module at a module path (instance keys ignored: all instances share one block). */
  moduleAt(modules: readonly ModuleStep[]): ConfigModule | undefined {
    let m = this.root;
    for (const step of modules) m = m?.module_calls?.[step.name]?.module;
    return m;
  }

  private readonly byModule = new Map<ConfigModule, Map<string, ConfigResource>>();

  /** The configuration block of a resource instance. */
  resourceConfig(a: ResourceAddress): ConfigResource | undefined {
    const m = this.moduleAt(a.modules);
    if (!m) return undefined;
    let index = this.byModule.get(m);
    if (!index) {
      index = new Map();
      for (const r of m.resources ?? []) if (typeof r?.address === 'string') index.set(r.address, r);
      this.byModule.set(m, index);
    }
    return index.get(`${a.mode === 'data' ? 'data.' : ''}${a.type}.${a.name}`);
  }

  /**
   * `${<type>.<document name>.<attr>}` for the one resource instance that `references` (of an
   * expression in module `scope`) lead to; undefined when they lead to none, to several resources,
   * or to a resource with several instances and no key.
   */
  link(references: readonly unknown[], scope: readonly ModuleStep[]): string | undefined {
    const resolved = references
      .filter((r): r is string => typeof r === 'string')
      .flatMap((r) => this.resolve(r, scope, 0));
    // one instance, and references without an instance key only to that instance's resource block
    const withInstance = resolved.filter((r) => r.instance !== undefined);
    const instances = new Set(withInstance.map((r) => r.instance));
    if (instances.size !== 1 || new Set(resolved.map((r) => r.group)).size !== 1) return undefined;
    const best = [...withInstance].sort((a, b) => b.steps.length - a.steps.length)[0];
    if (!best?.instance) return undefined;
    const a = best.instance.address;
    return `\${${a.mode === 'data' ? 'data.' : ''}${a.type}.${best.instance.mangled}${stepsText(best.steps)}}`;
  }

  private resolve(ref: string, scope: readonly ModuleStep[], depth: number): Resolved[] {
    const t = depth > MAX_DEPTH ? undefined : parseReference(ref);
    if (!t || NOT_VALUES.has(t.root)) return [];
    if (t.root === 'var') {
      const name = attrOf(t.steps[0]);
      if (scope.length === 0 || name === undefined) return [];
      const parent = scope.slice(0, -1);
      const expr = this.moduleAt(parent)?.module_calls?.[scope[scope.length - 1].name]?.expressions?.[name];
      return (expr?.references ?? []).flatMap((r) => this.resolve(r, parent, depth + 1));
    }
    if (t.root === 'module') {
      const name = attrOf(t.steps[0]);
      if (name === undefined) return [];
      const keyed = t.steps[1] !== undefined && 'key' in t.steps[1] ? t.steps[1].key : undefined;
      const output = attrOf(t.steps[keyed !== undefined ? 2 : 1]);
      if (output === undefined) return [];
      const child: ModuleStep[] = [...scope, keyed !== undefined ? { name, key: keyed } : { name }];
      const expr = this.moduleAt(child)?.outputs?.[output]?.expression;
      return (expr?.references ?? []).flatMap((r) => this.resolve(r, child, depth + 1));
    }
    const isData = t.root === 'data';
    const type = isData ? attrOf(t.steps[0]) : t.root;
    const name = attrOf(t.steps[isData ? 1 : 0]);
    if (type === undefined || name === undefined) return [];
    const group = ConfigurationIndex.groupKey(scope, isData ? 'data' : 'managed', type, name);
    const instances = this.instances.get(group);
    if (!instances) return [];
    let rest = t.steps.slice(isData ? 2 : 1);
    let instance: PlannedInstance | undefined;
    const first = rest[0];
    if (first !== undefined && 'key' in first) {
      instance = instances.find((i) => i.address.index === first.key);
      rest = rest.slice(1);
    } else if (instances.length === 1 && instances[0].address.index === undefined) {
      instance = instances[0];
    }
    return [{ group, ...(instance ? { instance } : {}), steps: rest }];
  }
}
