/**
 * Walking a Terraform JSON document: resources (every shape the HCL JSON spec allows: a block body
 * as an object or as an array of objects at every level), their `count` / `for_each` instances and
 * `dynamic` blocks, provider configurations, and attribute values with same-document references
 * resolved. No cdktf imports; never throws on any JSON value.
 */
import type { CheckContext } from './context';
import { isUnknown, jsonText, kindOf, unknown, wrongType } from './attr';
import { describeExpression, parseTraversal, wholeExpression, type Traversal } from './expression';
import { followSteps, instancesOf, isObj, renderDynamic, substitute, withoutMeta, type Obj } from './expand';
import type { ShapeProblem, Value } from './types';
import { MODEL_TYPES } from './resource-types';
import { allPlainLiterals, SECRET, shown } from './reading';
import { VariableValues } from './variables';

/** One resource instance of the document. */
export interface ResourceEntry {
  readonly type: string;
  /** The address: `type.name`, `type.name[0]`, or the address the document's metadata gives. */
  readonly address: string;
  readonly body: Obj;
  /** The cdktf construct path, when the document carries one. */
  readonly path?: string;
}

/** A block as read: `get` returns its attributes (all Unknown when the block itself is). */
export interface Block {
  readonly present: boolean;
  readonly body?: Obj;
  get(key: string): Value<unknown>;
}

/** Bodies given as one object or an array of objects; anything else is `undefined`. */
function bodies(raw: unknown): Obj[] | undefined {
  if (isObj(raw)) return [raw];
  if (Array.isArray(raw) && raw.every(isObj)) return raw;
  return undefined;
}

/** The reading state: the document's resources, providers and the problems found so far. */
export class DocumentReader {
  readonly problems: ShapeProblem[] = [];
  readonly notEvaluated: ShapeProblem[] = [];
  readonly resources = new Map<string, ResourceEntry>();
  readonly byType = new Map<string, ResourceEntry[]>();
  readonly providers = new Map<string, { address: string; body: Obj }>();
  /** The document's `locals` values by name (literal values resolve; expressions stay expressions). */
  readonly locals = new Map<string, unknown>();
  /** The input variables' values the rules may read (see lib/model/variables.ts). */
  private readonly variables: VariableValues;
  /** Resources whose `count` / `for_each` could not be evaluated (they have no instances here). */
  private readonly unevaluated = new Set<string>();
  /** True once a resource with `count` / `for_each` instances is read (references may then carry an index). */
  private instanced = false;

  constructor(
    readonly document: unknown,
    readonly context: CheckContext,
  ) {
    this.variables = new VariableValues(document, context.variables);
  }

  problem(address: string, message: string, path?: string): void {
    this.problems.push(path !== undefined ? { address, path, message } : { address, message });
  }

  /** Object entries of a labelling level (`resource`, `resource.<type>`), merged from a list of objects. */
  entries(raw: unknown, address: string, what: string): [string, unknown][] {
    if (raw === undefined || raw === null) return [];
    const list = bodies(raw);
    if (!list) {
      this.problem(address, `${what} is ${kindOf(raw)}, expected an object`);
      return [];
    }
    return list.flatMap((o) => Object.entries(o));
  }

  read(): void {
    if (!isObj(this.document)) {
      this.problem('(document)', `the document is ${kindOf(this.document)}, expected a Terraform JSON object`);
      return;
    }
    for (const [name, value] of this.entries(this.document.locals, '(document)', '"locals"'))
      this.locals.set(name, value);
    for (const [type, byName] of this.entries(this.document.resource, '(document)', '"resource"')) {
      for (const [name, raw] of this.entries(byName, type, `resource.${type}`)) this.addResource(type, name, raw);
    }
    for (const [pname, raw] of this.entries(this.document.provider, '(document)', '"provider"')) {
      const configs = Array.isArray(raw) ? raw : [raw];
      for (const c of configs) {
        if (!isObj(c)) {
          this.problem(`provider.${pname}`, `provider.${pname} is ${kindOf(c)}, expected an object`);
          continue;
        }
        const alias = typeof c.alias === 'string' && c.alias !== '' ? c.alias : undefined;
        const key = alias ? `${pname}.${alias}` : pname;
        this.providers.set(key, { address: `provider.${key}`, body: c });
      }
    }
    for (const [name] of this.entries(this.document.module, '(document)', '"module"')) {
      this.notEvaluated.push({
        address: `module.${name}`,
        message: `module "${name}" is a module call; its resources are not checked (check the module's own configuration, or a plan)`,
      });
    }
  }

  private addResource(type: string, name: string, raw: unknown): void {
    const address = `${type}.${name}`;
    const list = bodies(raw);
    if (!list || list.length === 0) {
      this.problem(address, `resource ${address} is ${kindOf(raw)}, expected an object`);
      return;
    }
    if (list.length > 1)
      this.problem(
        address,
        `resource ${address} has ${list.length} bodies; Terraform rejects a duplicate resource, only the first is read`,
      );
    const body = list[0];
    const meta = isObj(body['//']) && isObj(body['//'].metadata) ? body['//'].metadata : undefined;
    const path = typeof meta?.path === 'string' ? meta.path : undefined;
    const given = typeof meta?.address === 'string' && meta.address !== '' ? meta.address : undefined;
    const { instances, notEvaluated } = instancesOf(body, (v) => this.knownValue(v));
    // what could not be evaluated is reported for the resources the rules read only
    const read = MODEL_TYPES.has(type);
    if (notEvaluated) this.unevaluated.add(address);
    if (notEvaluated && read)
      this.notEvaluated.push({
        address,
        message: `${address}: ${notEvaluated}`,
        ...(path !== undefined ? { path } : {}),
      });
    if (instances.length !== 1 || instances[0].suffix !== '') this.instanced = true;
    // the instances' bodies without count / for_each (copying a for_each map into each instance is quadratic)
    const attributes = instances.length > 1 ? withoutMeta(body) : body;
    for (const inst of instances) {
      const at = `${given ?? address}${inst.suffix}`;
      const substituted = substitute(attributes, inst.symbols) as Obj;
      const rendered = renderDynamic(substituted, (why) => {
        if (read)
          this.notEvaluated.push({ address: at, message: `${at}: ${why}`, ...(path !== undefined ? { path } : {}) });
      });
      const entry: ResourceEntry = { type, address: at, body: rendered, ...(path !== undefined ? { path } : {}) };
      this.resources.set(`${address}${inst.suffix}`, entry);
      if (given !== undefined) this.resources.set(at, entry);
      const byType = this.byType.get(type) ?? [];
      byType.push(entry);
      this.byType.set(type, byType);
    }
  }

  /** The resource a traversal names (`type.name`, or `type.name[i]` of a counted resource) and the steps after it. */
  resourceOf(t: Traversal): { entry: ResourceEntry; rest: readonly (string | number)[] } | undefined {
    if (typeof t.steps[0] !== 'string') return undefined;
    const base = `${t.root}.${t.steps[0]}`;
    const index = t.steps[1];
    if (this.instanced && index !== undefined) {
      const indexed = this.resources.get(`${base}[${typeof index === 'number' ? index : JSON.stringify(index)}]`);
      if (indexed) return { entry: indexed, rest: t.steps.slice(2) };
    }
    const entry = this.resources.get(base);
    return entry ? { entry, rest: t.steps.slice(1) } : undefined;
  }

  /**
   * A whole `${var.NAME...}` or `${local.NAME...}` expression's value when the check context (or a
   * literal local) gives it, lists and maps included (for `count` / `for_each`); else `v` itself.
   */
  private knownValue(v: unknown): unknown {
    if (typeof v !== 'string' || !v.includes('${')) return v;
    const inner = wholeExpression(v);
    const t = inner !== undefined ? parseTraversal(inner) : undefined;
    if (!t || (t.root !== 'var' && t.root !== 'local') || typeof t.steps[0] !== 'string') return v;
    const name = t.steps[0];
    if (t.root === 'local')
      return this.locals.has(name) ? (followSteps(this.locals.get(name), t.steps.slice(1)) ?? v) : v;
    const given = this.variables.get(name);
    return given === undefined ? v : (followSteps(given.value, t.steps.slice(1)) ?? v);
  }

  /**
   * The address of the `type` resource a whole-expression string references (`${type.name.id}`), if in the document.
   */
  referencedAddress(raw: unknown, type: string): string | undefined {
    if (typeof raw !== 'string') return undefined;
    const inner = wholeExpression(raw);
    const t = inner !== undefined ? parseTraversal(inner) : undefined;
    if (!t || t.root !== type) return undefined;
    return this.resourceOf(t)?.entry.address;
  }

  /**
   * Follows a traversal to a literal value of the document (or of a variable the context gives), or
   * undefined. `secret`: the value is read by a secret attribute, so no variable is resolved for it.
   */
  private resolveTraversal(t: Traversal, depth: number, secret: boolean): unknown {
    if (depth > 8) return undefined;
    let start: { body: unknown; rest: readonly (string | number)[] } | undefined;
    const isVar = t.root === 'var';
    if (isVar) {
      // a value given for an input variable (-var, -var-file, terraform.tfvars); never a default
      const name = t.steps[0];
      const given = secret || typeof name !== 'string' ? undefined : this.variables.get(name);
      if (given === undefined) return undefined;
      start = { body: given.value, rest: t.steps.slice(1) };
    } else if (t.root === 'local') {
      // a literal `locals` value of the document (Terraform evaluates them before any resource)
      const name = t.steps[0];
      if (typeof name !== 'string' || !this.locals.has(name)) return undefined;
      start = { body: this.locals.get(name), rest: t.steps.slice(1) };
    } else {
      const found = this.resourceOf(t);
      if (!found || found.rest.length === 0) return undefined;
      start = { body: found.entry.body, rest: found.rest };
    }
    const cur = followSteps(start.body, start.rest);
    // a variable's value is a literal: text with `${` in it is not an expression, and not a value here
    if (typeof cur === 'string' && cur.includes('${'))
      return isVar ? undefined : this.resolveString(cur, depth + 1, secret);
    if (typeof cur === 'string' || typeof cur === 'number' || typeof cur === 'boolean') return cur;
    if (Array.isArray(cur) && cur.every((x) => typeof x === 'string' && !x.includes('${'))) return cur;
    return undefined;
  }

  /** A string with `${`: the literal it refers to in this document, else an Unknown. */
  resolveString(s: string, depth = 0, secret = false): unknown {
    const inner = wholeExpression(s);
    const t = inner !== undefined ? parseTraversal(inner) : undefined;
    if (t) {
      const v = this.resolveTraversal(t, depth, secret);
      if (v !== undefined && !isUnknown(v)) return v;
      const found = this.resourceOf(t);
      if (found && found.rest.length === 1 && found.rest[0] === 'id') {
        return unknown(s, `the ID of ${found.entry.address}, known only after apply`);
      }
      if (!found && /^[a-z0-9]+_[a-z0-9_]+$/.test(t.root) && typeof t.steps[0] === 'string') {
        const address = `${t.root}.${t.steps[0]}`;
        return this.unevaluated.has(address)
          ? unknown(s, `an attribute of ${address}, whose count or for_each cannot be evaluated here`)
          : unknown(s, `an attribute of ${address}, a resource that is not in this document`);
      }
    }
    return unknown(s, describeExpression(s));
  }

  /** Reads an attribute value: literal, resolved reference, Unknown, or a list of those. */
  value(raw: unknown, address: string, what: string): Value<unknown> {
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw === 'string') return raw.includes('${') ? this.resolveString(raw, 0, SECRET.test(what)) : raw;
    if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
    if (Array.isArray(raw)) {
      // a list of plain literals (the common case) is kept as written: no copy per list
      if (allPlainLiterals(raw)) return raw;
      return raw.map((x, i) => this.scalar(x, address, `${what}[${i}]`));
    }
    this.problem(address, `${what} is ${shown(raw, what)}, expected a string, number, boolean or list`);
    return { ...wrongType(SECRET.test(what) ? '(not shown)' : raw, 'a value'), cause: 'shape' };
  }

  /** A scalar attribute (or a list item): an object or list here is a shape problem. */
  scalar(raw: unknown, address: string, what: string): Value<unknown> {
    if (Array.isArray(raw) || isObj(raw)) {
      this.problem(address, `${what} is ${shown(raw, what)}, expected a string or number`);
      return { ...wrongType(SECRET.test(what) ? '(not shown)' : raw, 'a string or number'), cause: 'shape' };
    }
    return this.value(raw, address, what);
  }

  /** A link attribute (`vnet_subnet_id`): a reference to a document resource is kept as written. */
  link(raw: unknown, address: string, what: string): Value<unknown> {
    if (typeof raw === 'string' && raw.includes('${')) {
      const t = parseTraversal(wholeExpression(raw) ?? '');
      if (t && this.resourceOf(t)) return raw;
    }
    return this.value(raw, address, what);
  }

  /** Reads a block (object, list of objects, or an unresolved expression). */
  block(raw: unknown, address: string, what: string): Block {
    if (raw === undefined || raw === null) return { present: false, get: () => undefined };
    if (typeof raw === 'string' && raw.includes('${')) {
      const u = this.resolveString(raw);
      const un = isUnknown(u) ? u : unknown(raw, `${what} is written as an expression`);
      return { present: true, get: () => un };
    }
    const items = Array.isArray(raw) ? raw : [raw];
    if (items.length === 0) return { present: false, get: () => undefined };
    const first: unknown = items[0];
    if (!isObj(first)) {
      this.problem(address, `${what} is ${shown(raw, what)}, expected a block (an object or a list of objects)`);
      const u: Value<unknown> = { ...unknown(jsonText(raw), `${what} is not a block`), cause: 'shape' };
      return { present: true, get: () => u };
    }
    return { present: true, body: first, get: (key: string) => this.value(first[key], address, `${what}.${key}`) };
  }
}
