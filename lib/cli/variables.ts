/**
 * Values for a configuration's input variables, as Terraform takes them: `--var NAME=VALUE` and
 * `--var-file FILE` (`.tfvars` or `.tfvars.json`, repeatable), and, for a folder of `.tf` files,
 * the files Terraform loads by itself (`terraform.tfvars`, `terraform.tfvars.json`, then
 * `*.auto.tfvars` and `*.auto.tfvars.json` in name order). Later values win: the folder's files,
 * then `--var-file`s, then `--var`s. The variables' `default`s are never used (see CheckContext).
 * No cdktf imports.
 */
import * as fs from 'fs';
import * as path from 'path';
import { displayPath, type LoadOptions } from './discover';
import { printable } from './document';
import { InputError } from './errors';
import { describeJsonError } from './json-error';
import { convertHcl } from './hcl';
import { DEFAULT_MAX_FILE_SIZE, readTextFile } from './read-file';

/** The syntax of `--var`. */
export const VAR_SYNTAX = 'NAME=VALUE';

/** One `--var` or `--var-file` value with its place on the command line (Terraform applies them in order). */
export interface OrderedValue {
  /** The position among all `--var` and `--var-file` values. */
  readonly at: number;
  readonly value: string;
}

/** The raw values of the variable options, as commander collects them (see {@link orderedCollector}). */
export interface VariableOptionValues {
  /**
   * `--var NAME=VALUE` values.
   * @default none
   */
  readonly var?: readonly OrderedValue[];
  /**
   * `--var-file FILE` values.
   * @default none
   */
  readonly varFile?: readonly OrderedValue[];
}

/** A commander collector for `--var` and `--var-file` that keeps their order across both options. */
export function orderedCollector(): (value: string, previous: OrderedValue[] | undefined) => OrderedValue[] {
  let at = 0;
  return (value, previous) => [...(previous ?? []), { at: at++, value }];
}

/** Variable values by name (no prototype: a name such as `constructor` is an ordinary key). */
export type Variables = Record<string, unknown>;

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function emptyVariables(): Variables {
  return Object.create(null) as Variables;
}

/** A `--var` value: JSON when it is a list or an object (`["a","b"]`, as Terraform's HCL reads it), else the text. */
function optionValue(text: string): unknown {
  const t = text.trim();
  if (t.startsWith('[') || t.startsWith('{')) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Parses `--var NAME=VALUE` values.
 * @throws InputError (one line) for a value without `=` or a name Terraform would not accept
 */
export function parseVarOptions(values: readonly string[]): Variables {
  const out = emptyVariables();
  for (const value of values) {
    const eq = value.indexOf('=');
    const name = eq < 0 ? '' : value.slice(0, eq).trim();
    if (eq < 0 || !NAME.test(name)) {
      // the value may be a secret: only a name that is one is shown
      const shown =
        eq < 0
          ? `a value of ${value.length} characters without '='`
          : `'${printable(name.slice(0, 60))}' is not a variable name`;
      throw new InputError(`--var: ${shown} (expected ${VAR_SYNTAX}, e.g. --var pod_cidr=10.244.0.0/16)`);
    }
    out[name] = optionValue(value.slice(eq + 1));
  }
  return out;
}

/**
 * Reads one variables file: `.tfvars.json` as JSON, anything else as HCL `.tfvars`.
 * @throws InputError (one line) naming `option` for an unreadable file or one that is not an object of values
 */
async function readVarFile(abs: string, cwd: string, options: LoadOptions, option: string): Promise<Variables> {
  const display = displayPath(abs, cwd);
  const maxBytes = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let text: string;
  try {
    text = readTextFile(abs, { display, maxBytes, regularOnly: option !== '--var-file' }).replace(/^\uFEFF/, '');
  } catch (e) {
    throw e instanceof InputError ? new InputError(`${option} ${e.message}`) : e;
  }
  let parsed: unknown;
  if (abs.endsWith('.json')) {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch (e) {
      throw new InputError(
        `${option} ${display}: not JSON: ${describeJsonError(text, e instanceof Error ? e.message : String(e))}`,
      );
    }
  } else {
    parsed = text.trim() === '' ? {} : await convertHcl(display, text);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new InputError(
      `${option} ${display}: expected an object of variable values, e.g. {"pod_cidr": "10.244.0.0/16"}`,
    );
  return Object.assign(emptyVariables(), parsed);
}

/**
 * The values `--var-file` and `--var` give, applied in the order they are given (as Terraform does).
 * @throws InputError (one line) for a malformed option or an unusable file
 */
export async function variablesFromOptions(
  opts: VariableOptionValues,
  cwd: string,
  options: LoadOptions = {},
): Promise<Variables | undefined> {
  const given = [
    ...(opts.var ?? []).map((v) => ({ ...v, file: false })),
    ...(opts.varFile ?? []).map((v) => ({ ...v, file: true })),
  ].sort((a, b) => a.at - b.at);
  if (given.length === 0) return undefined;
  const out = emptyVariables();
  for (const g of given) {
    const values = g.file
      ? await readVarFile(path.resolve(cwd, g.value), cwd, options, '--var-file')
      : parseVarOptions([g.value]);
    Object.assign(out, values);
  }
  return out;
}

/** Whether Terraform loads `name` by itself from a root module folder. */
export function isAutoVarFile(name: string): boolean {
  return /^terraform\.tfvars(\.json)?$/.test(name) || /\.auto\.tfvars(\.json)?$/.test(name);
}

/**
 * The values Terraform loads by itself from a folder of `.tf` files: `terraform.tfvars`,
 * `terraform.tfvars.json`, then `*.auto.tfvars(.json)` in name order; undefined when there are none.
 * When one of them cannot be read safely (a link out of the folder, not a regular file), none is
 * used (checking with only some of Terraform's values could give a false error): `problem` says why.
 * @throws InputError (one line) for a file that is not a variables file
 */
export async function folderVariables(
  absDir: string,
  cwd: string,
  options: LoadOptions = {},
): Promise<{ variables?: Variables; problem?: string }> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(absDir, { withFileTypes: true }).filter((d) => isAutoVarFile(d.name));
  } catch {
    return {};
  }
  if (entries.length === 0) return {};
  const rank = (n: string) => (n === 'terraform.tfvars' ? 0 : n === 'terraform.tfvars.json' ? 1 : 2);
  entries.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const d of entries) {
    const file = autoVarFile(absDir, d);
    if (typeof file !== 'string') {
      const shown = displayPath(path.join(absDir, d.name), cwd);
      return {
        problem: `the folder's variables files were not used: ${shown} is ${file.why}; pass them with --var-file`,
      };
    }
    files.push(file);
  }
  const variables = emptyVariables();
  for (const f of files) Object.assign(variables, await readVarFile(f, cwd, options, 'variables file'));
  return { variables };
}

/** The file to read for a tfvars entry of a folder: a regular file, or a link to one inside the folder. */
function autoVarFile(absDir: string, d: fs.Dirent): string | { why: string } {
  const abs = path.join(absDir, d.name);
  if (d.isFile()) return abs;
  if (!d.isSymbolicLink()) return { why: 'not a regular file' };
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch {
    return { why: 'a broken symbolic link' };
  }
  if (!real.startsWith(`${fs.realpathSync(absDir)}${path.sep}`)) return { why: 'a symbolic link out of the folder' };
  return fs.statSync(real).isFile() ? real : { why: 'a link to something that is not a regular file' };
}
