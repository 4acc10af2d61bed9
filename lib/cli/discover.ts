/**
 * Finding the stacks a user points at: a cdk.tf.json file, a stack folder holding one, or a
 * cdktf.out folder with stacks/<name>/cdk.tf.json. No cdktf imports.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './errors';
import { readInputText } from './plan-input';
import { mergeContexts, type CheckContext, type Finding } from '../rules';
import { DEFAULT_MAX_FILE_SIZE, entryType, readError, readTextFile } from './read-file';

/** The file name cdktf synthesizes for each stack. */
export const STACK_FILE = 'cdk.tf.json';
/** The path `check` and `report` read when none is given. */
export const DEFAULT_PATH = 'cdktf.out';

/** One stack to check: where it came from and its parsed document. */
export interface StackInput {
  /** The stack name: the document's `//.metadata.stackName`, else its folder (or file) name. */
  readonly name: string;
  /** The file, as the user would write it (relative to the working directory when inside it). */
  readonly file: string;
  /** The parsed Terraform JSON document (a plan or a folder of Terraform files converted). */
  readonly document: Record<string, unknown>;
  /** Warnings about parts of the input that could not be read (a module not followed, deferred plan changes). */
  readonly inputFindings?: readonly Finding[];
  /** The parsed `terraform show -json` plan, when the input was one (for the change review). */
  readonly plan?: unknown;
  /** Values of the input variables that the input's folder gives (`terraform.tfvars`, `*.auto.tfvars`). */
  readonly variables?: Readonly<Record<string, unknown>>;
}

/**
 * The context to check `stack` with: `context` over the variable values its folder gives.
 */
export function stackContext(stack: StackInput, context: CheckContext): CheckContext {
  return stack.variables === undefined ? context : mergeContexts({ variables: stack.variables }, context);
}

/**
 * What is at `p`, a path named on the command line (symbolic links followed): a directory,
 * something to read as a file (a regular file, but also a pipe such as the `/dev/fd/63` of
 * `check <(terraform show -json ...)` or `/dev/stdin`), or nothing.
 */
function kind(p: string, cwd: string): 'file' | 'dir' | undefined {
  try {
    const st = fs.statSync(p);
    return st.isDirectory() ? 'dir' : 'file';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new InputError(`${displayPath(p, cwd)}: cannot read: ${readError(e)}`);
  }
}

/** One file to read: where it is, and how it was reached. */
export interface StackFile {
  /** The path as reached (named, or found under the folder named), absolute. */
  readonly abs: string;
  /** The path to open: `abs` for a named path, its real path (no symbolic links) for a found one. */
  readonly real: string;
  /** True for a file found while scanning a folder: only a regular file inside that folder is read. */
  readonly found: boolean;
}

/** True when the real path `real` is `root` or inside it. */
function isInside(real: string, root: string): boolean {
  const rel = path.relative(root, real);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * A path met while scanning the folder whose real path is `root`: its real path when it is a
 * regular file inside `root`, undefined when nothing (or a directory) is there.
 * @throws InputError for a symbolic link that leads outside `root` or nowhere, and for anything
 * that is not a regular file (a FIFO would block, a device never end)
 */
function foundEntry(p: string, root: string, cwd: string): string | undefined {
  const shown = displayPath(p, cwd);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new InputError(`${shown}: cannot read: ${readError(e)}`);
  }
  let real: string;
  try {
    real = fs.realpathSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`${shown}: not read: a broken symbolic link`);
    throw new InputError(`${shown}: cannot read: ${readError(e)}`);
  }
  if (!isInside(real, root)) {
    throw outsideLink(shown, root, cwd);
  }
  if (st.isSymbolicLink()) st = fs.statSync(real);
  if (st.isDirectory()) return undefined;
  if (!st.isFile()) {
    throw new InputError(
      `${shown}: not read: ${entryType(st)}, not a regular file (only regular files are read inside a folder)`,
    );
  }
  return real;
}

function outsideLink(shown: string, root: string, cwd: string): InputError {
  const where = displayPath(root, cwd);
  return new InputError(
    `${shown}: not read: a symbolic link that leads outside ${where} (links are followed only inside the folder given)`,
  );
}

/** The real path of a folder named on the command line. */
function realFolder(abs: string, cwd: string): string {
  try {
    return fs.realpathSync(abs);
  } catch (e) {
    throw new InputError(`${displayPath(abs, cwd)}: cannot read: ${readError(e)}`);
  }
}

/**
 * The files to read for one path: the path itself when it is not a folder; else the folder's own
 * cdk.tf.json, else stacks/NAME/cdk.tf.json, in name order. Inside a folder only regular files are
 * read and symbolic links are followed only when they lead to a place inside the folder.
 * @throws InputError when the path does not exist, holds no stack, or holds an entry that may not be read
 */
export function stackFilesOf(p: string, cwd: string): StackFile[] {
  const abs = path.resolve(cwd, p);
  const k = kind(abs, cwd);
  if (k === undefined) {
    const hint =
      p === DEFAULT_PATH
        ? ' (run `cdktf synth` first, or pass the path of a cdk.tf.json, a stack folder or a cdktf.out folder)'
        : '';
    throw new InputError(`${p}: no such file or directory${hint}`);
  }
  if (k === 'file') return [{ abs, real: abs, found: false }];
  const root = realFolder(abs, cwd);
  const own = path.join(abs, STACK_FILE);
  const ownReal = foundEntry(own, root, cwd);
  if (ownReal !== undefined) return [{ abs: own, real: ownReal, found: true }];
  const stacksDir = path.join(abs, 'stacks');
  if (kind(stacksDir, cwd) === 'dir') {
    if (!isInside(realFolder(stacksDir, cwd), root)) {
      throw outsideLink(displayPath(stacksDir, cwd), root, cwd);
    }
    let names: string[];
    try {
      names = fs.readdirSync(stacksDir);
    } catch (e) {
      throw new InputError(`${displayPath(stacksDir, cwd)}: cannot read: ${readError(e)}`);
    }
    const files: StackFile[] = [];
    for (const name of names.sort()) {
      const f = path.join(stacksDir, name, STACK_FILE);
      const real = foundEntry(f, root, cwd);
      if (real !== undefined) files.push({ abs: f, real, found: true });
    }
    if (files.length > 0) return files;
  }
  throw new InputError(
    `${p}: no ${STACK_FILE} and no .tf or .tf.json files found (expected a ${STACK_FILE} file, a stack folder holding one, a cdktf.out folder with stacks/*/${STACK_FILE}, a terraform show -json plan, or a folder of .tf / .tf.json files)`,
  );
}

/** The path to show for a file: relative to `cwd` when inside it, else absolute. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** The stack name of a document: `//.metadata.stackName`, else the folder of a cdk.tf.json, else the file name. */
export function stackNameOf(document: Record<string, unknown>, abs: string): string {
  const meta = (document['//'] as { metadata?: { stackName?: unknown } } | undefined)?.metadata;
  if (meta && typeof meta.stackName === 'string' && meta.stackName !== '') return meta.stackName;
  const base = path.basename(abs);
  return base === STACK_FILE ? path.basename(path.dirname(abs)) : base.replace(/\.json$/i, '');
}

/** The real path of `abs` when it has one (a pipe such as /dev/stdin may not), else `abs`. */
function realOr(abs: string): string {
  try {
    return fs.realpathSync(abs);
  } catch {
    return abs;
  }
}

/** Options of {@link loadStacks}. */
export interface LoadOptions {
  /**
   * The largest file read, in bytes (`--max-file-size`); a larger file is unusable input.
   * @default DEFAULT_MAX_FILE_SIZE (256 MB)
   */
  readonly maxFileSize?: number;
}

/**
 * Finds and parses every stack under `paths` (default `./cdktf.out`). A file reached twice is
 * read once.
 * @throws InputError (one line) for the first unusable path or document
 */
export function loadStacks(
  paths: readonly string[],
  cwd: string = process.cwd(),
  options: LoadOptions = {},
): StackInput[] {
  const wanted = paths.length > 0 ? paths : [DEFAULT_PATH];
  const maxBytes = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const seen = new Set<string>();
  const stacks: StackInput[] = [];
  for (const p of wanted) {
    for (const f of stackFilesOf(p, cwd)) {
      const key = f.found ? f.real : realOr(f.abs);
      if (seen.has(key)) continue;
      seen.add(key);
      const file = displayPath(f.abs, cwd);
      const text = readTextFile(f.real, { display: file, maxBytes, regularOnly: f.found });
      const { document, findings, plan } = readInputText(text, file);
      const extra = {
        ...(findings.length > 0 ? { inputFindings: findings } : {}),
        ...(plan !== undefined ? { plan } : {}),
      };
      stacks.push({ name: stackNameOf(document, f.abs), file, document, ...extra });
    }
  }
  return stacks;
}
