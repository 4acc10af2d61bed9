/**
 * Merging the Terraform JSON documents of one folder (`*.tf.json`, and `.tf` files converted to
 * JSON) into one document, as Terraform loads a module: every file contributes blocks, a block
 * defined twice is an error, and override files (`override.tf[.json]`, `*_override.tf[.json]`)
 * are merged into the blocks they name last. Block bodies keep the shape they were written in
 * (an object, or hcl2json's one-element array). Pure; no cdktf imports.
 */
import type { PlanProblem } from '../plan/types';

type Obj = Record<string, unknown>;

/** One file of a folder: its name (a path relative to the root folder, `/`-separated) and parsed JSON. */
export interface DirectoryFile {
  /** e.g. `main.tf.json`, `network.tf` (converted), `modules/net/main.tf`. */
  readonly name: string;
  /** The file's Terraform JSON (for a `.tf` file, its conversion). */
  readonly json: unknown;
}

/** True for a plain object. */
export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The attributes of a block written as an object or as a list of objects (merged). */
export function blockBody(v: unknown): Obj | undefined {
  if (isObject(v)) return v;
  if (Array.isArray(v) && v.length > 0 && v.every(isObject)) return Object.assign({}, ...v) as Obj;
  return undefined;
}

/** True for Terraform's override file names. */
export function isOverrideFile(name: string): boolean {
  return /(^|\/)(override|[^/]*_override)\.tf(\.json)?$/.test(name);
}

/** Labelled block kinds whose labels must be unique in a module (two levels for resources). */
const TWO_LEVEL = ['resource', 'data'];
const ONE_LEVEL = ['variable', 'output', 'module'];

/** Merges one folder's files into one document. */
export class FolderMerger {
  readonly document: Obj = {};
  private readonly origin = new Map<string, string>();

  constructor(readonly problems: PlanProblem[]) {}

  private duplicate(what: string, file: string): boolean {
    const first = this.origin.get(what);
    if (first === undefined) {
      this.origin.set(what, file);
      return false;
    }
    this.problems.push({
      severity: 'error',
      address: what,
      message: `${what} is defined twice (${first} and ${file}); Terraform rejects a duplicate block`,
    });
    return true;
  }

  /** Adds a file's blocks; `override` merges attributes into existing blocks instead. */
  add(file: DirectoryFile, override: boolean): void {
    const doc = file.json;
    if (!isObject(doc)) {
      this.problems.push({
        severity: 'error',
        address: file.name,
        message: `${file.name} is not a Terraform JSON document (expected an object)`,
      });
      return;
    }
    for (const [key, raw] of Object.entries(doc)) {
      if (key === '//') continue;
      if (TWO_LEVEL.includes(key)) this.addTwoLevel(key, raw, file.name, override);
      else if (ONE_LEVEL.includes(key)) this.addOneLevel(key, raw, file.name, override);
      else if (key === 'locals') this.addLocals(raw, file.name, override);
      else this.addList(key, raw);
    }
  }

  private labelled(raw: unknown): Obj {
    // `resource` itself may be a list of objects (the HCL JSON spec allows it)
    return blockBody(raw) ?? {};
  }

  private addTwoLevel(key: string, raw: unknown, file: string, override: boolean): void {
    const target = (this.document[key] ??= {}) as Obj;
    for (const [type, byName] of Object.entries(this.labelled(raw))) {
      const names = (target[type] ??= {}) as Obj;
      for (const [name, body] of Object.entries(this.labelled(byName))) {
        const address = `${key === 'data' ? 'data.' : ''}${type}.${name}`;
        if (override && names[name] !== undefined) names[name] = overrideBody(names[name], body);
        else if (!this.duplicate(address, file)) names[name] = body;
      }
    }
  }

  private addOneLevel(key: string, raw: unknown, file: string, override: boolean): void {
    const target = (this.document[key] ??= {}) as Obj;
    for (const [name, body] of Object.entries(this.labelled(raw))) {
      if (override && target[name] !== undefined) target[name] = overrideBody(target[name], body);
      else if (!this.duplicate(`${key === 'variable' ? 'var' : key}.${name}`, file)) target[name] = body;
    }
  }

  private addLocals(raw: unknown, file: string, override: boolean): void {
    const list = Array.isArray(raw) ? raw : [raw];
    const target = (this.document.locals ??= {}) as Obj;
    for (const block of list) {
      if (!isObject(block)) continue;
      for (const [name, v] of Object.entries(block)) {
        if (override && name in target) target[name] = v;
        else if (!this.duplicate(`local.${name}`, file)) target[name] = v;
      }
    }
  }

  /** `terraform`, `provider`, `moved`, ...: every file's blocks kept, as a list. */
  private addList(key: string, raw: unknown): void {
    if (key === 'provider') {
      const target = (this.document.provider ??= {}) as Obj;
      for (const [name, body] of Object.entries(this.labelled(raw))) {
        const list = (target[name] ??= []) as unknown[];
        list.push(...(Array.isArray(body) ? (body as unknown[]) : [body]));
      }
      return;
    }
    const list = (this.document[key] ??= []) as unknown[];
    if (Array.isArray(list)) list.push(...(Array.isArray(raw) ? (raw as unknown[]) : [raw]));
  }
}

/** An override block's attributes replace the original's, keeping the original's shape. */
function overrideBody(original: unknown, override: unknown): unknown {
  const extra = blockBody(override) ?? {};
  if (Array.isArray(original) && isObject(original[0]))
    return [{ ...original[0], ...extra }, ...(original.slice(1) as unknown[])];
  return { ...(blockBody(original) ?? {}), ...extra };
}

/** Merges files of one folder: regular files in name order, then override files. */
export function mergeFolder(files: readonly DirectoryFile[], problems: PlanProblem[]): Obj {
  const m = new FolderMerger(problems);
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of sorted) if (!isOverrideFile(f.name)) m.add(f, false);
  for (const f of sorted) if (isOverrideFile(f.name)) m.add(f, true);
  return m.document;
}
