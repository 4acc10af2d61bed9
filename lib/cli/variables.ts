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
import { convertHcl } from './hcl';
import { DEFAULT_MAX_FILE_SIZE, readTextFile } from './read-file';

/** The syntax of `--var`. */
export const VAR_SYNTAX = 'NAME=VALUE';

/** The raw values of the variable options, as commander collects them. */
export interface VariableOptionValues {
  /**
   * `--var NAME=VALUE` values.
   * @default none
   */
  readonly var?: readonly string[];
  /**
   * `--var-file FILE` values.
   * @default none
   */
  readonly varFile?: readonly string[];
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
      const why = eq < 0 ? "no '='" : `'${printable(name.slice(0, 60))}' is not a variable name`;
      throw new InputError(
        `--var '${printable(value.slice(0, 60))}': ${why} (expected ${VAR_SYNTAX}, e.g. --var pod_cidr=10.244.0.0/16)`,
      );
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
    text = readTextFile(abs, { display, maxBytes, regularOnly: true }).replace(/^\uFEFF/, '');
  } catch (e) {
    throw e instanceof InputError ? new InputError(`${option} ${e.message}`) : e;
  }
  let parsed: unknown;
  if (abs.endsWith('.json')) {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch (e) {
      throw new InputError(`${option} ${display}: not JSON: ${printable(String(e instanceof Error ? e.message : e))}`);
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
 * The values `--var-file` and `--var` give (files first, in order, then the `--var`s).
 * @throws InputError (one line) for a malformed option or an unusable file
 */
export async function variablesFromOptions(
  opts: VariableOptionValues,
  cwd: string,
  options: LoadOptions = {},
): Promise<Variables | undefined> {
  const files = opts.varFile ?? [];
  const vars = opts.var ?? [];
  if (files.length === 0 && vars.length === 0) return undefined;
  const out = emptyVariables();
  for (const f of files) Object.assign(out, await readVarFile(path.resolve(cwd, f), cwd, options, '--var-file'));
  return Object.assign(out, parseVarOptions(vars));
}

/** Whether Terraform loads `name` by itself from a root module folder. */
export function isAutoVarFile(name: string): boolean {
  return /^terraform\.tfvars(\.json)?$/.test(name) || /\.auto\.tfvars(\.json)?$/.test(name);
}

/**
 * The values Terraform loads by itself from a folder of `.tf` files: `terraform.tfvars`,
 * `terraform.tfvars.json`, then `*.auto.tfvars(.json)` in name order; undefined when there are none.
 * @throws InputError (one line) for an unusable file
 */
export async function folderVariables(
  absDir: string,
  cwd: string,
  options: LoadOptions = {},
): Promise<Variables | undefined> {
  let names: string[];
  try {
    names = fs
      .readdirSync(absDir, { withFileTypes: true })
      .filter((d) => d.isFile() && isAutoVarFile(d.name))
      .map((d) => d.name);
  } catch {
    return undefined;
  }
  if (names.length === 0) return undefined;
  const rank = (n: string) => (n === 'terraform.tfvars' ? 0 : n === 'terraform.tfvars.json' ? 1 : 2);
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out = emptyVariables();
  for (const n of names) Object.assign(out, await readVarFile(path.join(absDir, n), cwd, options, 'variables file'));
  return out;
}
