/**
 * `directoryToDocument(files)`: the Terraform JSON of one folder (`*.tf.json`, converted `.tf`)
 * merged into one document as Terraform loads a module, with calls of local modules (`source`
 * starting with `./` or `../`) followed and inlined: their resources get flat unique names
 * (`module_net__subnet`) and their real address in `"//": { "metadata": { "address": ... } }`;
 * module input variables are replaced by what the call passes (a literal or an expression of
 * the caller), module outputs by their value. Other module sources give one warning each.
 * Pure; no cdktf imports, no fs (the CLI reads the files, see lib/cli/inputs.ts).
 */
import { NameTable, mangledName, type ModuleStep } from '../plan/address';
import type { PlanDocument, PlanProblem } from '../plan/types';
import { blockBody, type DirectoryFile, isObject, mergeFolder } from './merge';
import { rewriteValue, type Scope } from './rewrite';
import { variablesReadBy } from '../reading';

type Obj = Record<string, unknown>;

/** Meta-arguments of a module call that are not input variables. */
const CALL_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on', '//']);
const MAX_DEPTH = 16;

/** The folder part of a `/`-separated path (`''` for the root folder). */
export function folderOf(name: string): string {
  const i = name.lastIndexOf('/');
  return i < 0 ? '' : name.slice(0, i);
}

/**
 * `dir` joined with a relative module source, normalized (`modules/net`, `../shared`); undefined
 * for another source.
 */
export function localSourceDir(dir: string, source: unknown): string | undefined {
  if (typeof source !== 'string' || !/^\.\.?(\/|$)/.test(source)) return undefined;
  const parts = dir === '' ? [] : dir.split('/');
  for (const p of source.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/** The local module folders a document's module calls name, relative to the root folder. */
export function localModuleDirs(document: unknown, dir: string): string[] {
  const calls = isObject(document) ? blockBody(document.module) : undefined;
  const out: string[] = [];
  for (const body of Object.values(calls ?? {})) {
    const d = localSourceDir(dir, blockBody(body)?.source);
    if (d !== undefined && !out.includes(d)) out.push(d);
  }
  return out;
}

/** Adds `//.metadata.address` to a block body of either shape. */
function withAddress(body: unknown, address: string): unknown {
  const meta = { '//': { metadata: { address } } };
  if (Array.isArray(body) && isObject(body[0])) return [{ ...body[0], ...meta }, ...(body.slice(1) as unknown[])];
  return isObject(body) ? { ...body, ...meta } : body;
}

/**
 * The module calls of a folder in an order where each call comes after the calls whose outputs its
 * inputs read (`module.net.subnet_id`); calls in a cycle keep their written order.
 */
function callOrder(calls: Obj): [string, unknown][] {
  const names = Object.keys(calls);
  const known = new Set(names);
  const readers = new Map<string, string[]>(names.map((n) => [n, []]));
  const waiting = new Map<string, number>();
  for (const n of names) {
    const text = JSON.stringify(calls[n]) ?? '';
    const deps = new Set([...text.matchAll(/\bmodule\.([A-Za-z_][\w-]*)\./g)].map((m) => m[1]));
    deps.delete(n);
    let count = 0;
    for (const d of deps) {
      if (!known.has(d)) continue;
      readers.get(d)?.push(n);
      count++;
    }
    waiting.set(n, count);
  }
  const order: string[] = [];
  const ready = names.filter((n) => waiting.get(n) === 0);
  for (let i = 0; i < ready.length; i++) {
    order.push(ready[i]);
    for (const r of readers.get(ready[i]) ?? []) {
      const left = (waiting.get(r) ?? 0) - 1;
      waiting.set(r, left);
      if (left === 0) ready.push(r);
    }
  }
  const placed = new Set(order);
  for (const n of names) if (!placed.has(n)) order.push(n);
  return order.map((n) => [n, calls[n]]);
}

class Inliner {
  readonly names = new NameTable();
  readonly root: Obj = {};
  /** What calls pass into module variables declared `sensitive` (in the root's terms). */
  readonly sensitiveInputs: unknown[] = [];

  constructor(
    readonly folders: ReadonlyMap<string, DirectoryFile[]>,
    readonly problems: PlanProblem[],
  ) {}

  /**
   * Merges the folder `dir` as the module at `path`, its references rewritten by `scopeFor`.
   * @returns the module's outputs in the root's terms
   */
  module(
    dir: string,
    path: readonly ModuleStep[],
    inputs: ReadonlyMap<string, unknown>,
    chain: readonly string[],
  ): Map<string, unknown> {
    const doc = mergeFolder(this.folders.get(dir) ?? [], this.problems);
    const isRoot = path.length === 0;
    const prefix = (name: string) => mangledName({ modules: path, name });
    const resources = new Map<string, string>();
    const locals = new Map<string, string>();
    for (const key of ['resource', 'data']) {
      for (const [type, byName] of Object.entries((doc[key] as Obj | undefined) ?? {})) {
        for (const name of Object.keys(byName as Obj)) {
          const own = `${key === 'data' ? 'data.' : ''}${type}.${name}`;
          const flat = isRoot ? name : this.names.unique(`${key}.${type}`, prefix(name));
          if (isRoot) this.names.reserve(`${key}.${type}`, name);
          resources.set(own, `${key === 'data' ? 'data.' : ''}${type}.${flat}`);
        }
      }
    }
    for (const name of Object.keys((doc.locals as Obj | undefined) ?? {}))
      locals.set(name, isRoot ? name : prefix(name));
    const variables = new Map<string, unknown>(inputs);
    for (const [name, body] of Object.entries((doc.variable as Obj | undefined) ?? {})) {
      // a module variable declared sensitive: what the call passes into it (root terms) is secret too
      const sensitive = blockBody(body)?.sensitive;
      if (!isRoot && variables.has(name) && sensitive !== undefined && sensitive !== false)
        this.sensitiveInputs.push(variables.get(name));
      const def = blockBody(body)?.default;
      // a module variable the call does not set takes its default, `null` included (Terraform: the
      // attribute is then unset); a root variable's default is not its value (see CheckContext.variables)
      if (!isRoot && !variables.has(name) && def !== undefined) variables.set(name, def);
    }
    const scope: Scope = {
      resources,
      locals,
      variables,
      outputs: new Map(),
      unsetVariable: (n) => (isRoot ? n : prefix(n)),
    };

    // child modules first: their outputs may be used by this module's blocks
    const outputs = scope.outputs as Map<string, unknown>;
    const calls = (doc.module as Obj | undefined) ?? {};
    for (const [call, raw] of callOrder(calls)) {
      const body = blockBody(raw) ?? {};
      const address = [...path.map((m) => `module.${m.name}`), `module.${call}`].join('.');
      const childDir = localSourceDir(dir, body.source);
      const why = this.notFollowed(childDir, body, [...chain, dir]);
      if (why !== undefined) {
        this.problems.push({
          severity: 'warning',
          address,
          message: `${address} (source ${JSON.stringify(
            body.source ?? null,
          )}) was not followed: ${why}; its resources are not checked`,
        });
        continue;
      }
      const childInputs = new Map<string, unknown>();
      for (const [k, v] of Object.entries(body)) if (!CALL_META.has(k)) childInputs.set(k, rewriteValue(v, scope));
      const childOutputs = this.module(childDir as string, [...path, { name: call }], childInputs, [...chain, dir]);
      for (const [o, v] of childOutputs) outputs.set(`${call}.${o}`, v);
    }

    for (const key of ['resource', 'data']) {
      for (const [type, byName] of Object.entries((doc[key] as Obj | undefined) ?? {})) {
        const target = (((this.root[key] ??= {}) as Obj)[type] ??= {});
        for (const [name, body] of Object.entries(byName as Obj)) {
          const own = `${key === 'data' ? 'data.' : ''}${type}.${name}`;
          const flat = (resources.get(own) as string).split('.').pop() as string;
          const rewritten = isRoot
            ? rewriteValue(body, scope)
            : withAddress(rewriteValue(body, scope), `${path.map((m) => `module.${m.name}`).join('.')}.${own}`);
          (target as Obj)[flat] = rewritten;
        }
      }
    }
    if (doc.locals !== undefined) {
      const target = (this.root.locals ??= {}) as Obj;
      for (const [name, v] of Object.entries(doc.locals as Obj))
        target[locals.get(name) as string] = rewriteValue(v, scope);
    }
    if (isRoot) {
      for (const [k, v] of Object.entries(doc))
        if (!['resource', 'data', 'locals', 'module'].includes(k)) this.root[k] = rewriteValue(v, scope);
    }
    const result = new Map<string, unknown>();
    for (const [name, body] of Object.entries((doc.output as Obj | undefined) ?? {})) {
      const value = blockBody(body)?.value;
      if (value !== undefined) result.set(name, rewriteValue(value, scope));
    }
    return result;
  }

  /** Why a module call is not inlined, or undefined when it is. */
  private notFollowed(childDir: string | undefined, body: Obj, chain: readonly string[]): string | undefined {
    if (childDir === undefined) return 'only local module sources (./ or ../) are read';
    if (body.count !== undefined || body.for_each !== undefined)
      return 'a module call with count or for_each is not expanded';
    if (chain.includes(childDir) || chain.length >= MAX_DEPTH) return 'the module calls itself (a cycle)';
    if (!this.folders.has(childDir))
      return `the folder ${childDir === '' ? '.' : childDir} does not exist or holds no .tf or .tf.json files`;
    return undefined;
  }
}

/** Declares `names` sensitive among the root's variables, so that their given values are never read. */
function markSensitive(root: Obj, names: ReadonlySet<string>): void {
  if (names.size === 0) return;
  const declared = (root.variable ??= {}) as Obj;
  for (const name of names) {
    const body = blockBody(declared[name]) ?? {};
    declared[name] = { ...body, sensitive: true };
  }
}

/**
 * Merges a folder of Terraform files into one Terraform JSON document (see the module comment).
 * @param files the root folder's files (names without a folder part) and the files of local
 *   module folders (names relative to the root folder, e.g. `modules/net/main.tf.json`)
 * @returns the document; problems are errors for duplicate blocks and documents that are not
 *   objects, warnings for module calls that were not followed
 */
export function directoryToDocument(files: readonly DirectoryFile[]): PlanDocument {
  const folders = new Map<string, DirectoryFile[]>();
  for (const f of files) {
    const dir = folderOf(f.name);
    const list = folders.get(dir) ?? [];
    list.push(f);
    folders.set(dir, list);
  }
  const problems: PlanProblem[] = [];
  const inliner = new Inliner(folders, problems);
  inliner.module('', [], new Map(), []);
  markSensitive(inliner.root, variablesReadBy(inliner.sensitiveInputs, inliner.root));
  return { document: inliner.root, problems };
}
