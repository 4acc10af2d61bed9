/**
 * Finding the stacks a user points at: a cdk.tf.json file, a stack folder holding one, or a
 * cdktf.out folder with stacks/<name>/cdk.tf.json. No cdktf imports.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './errors';
import { readInputText } from './plan-input';
import type { Finding } from '../rules';

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
}

/**
 * What is at `p`: a directory, something to read as a file (a regular file, but also a pipe such
 * as the `/dev/fd/63` of `check <(terraform show -json ...)`), or nothing.
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

/** Words for the error codes a read can end with; the code itself for the rest. */
const READ_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ELOOP: 'too many symbolic links',
  EIO: 'input/output error',
};

/** `permission denied (EACCES)` for a read error. */
function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return e instanceof Error ? e.message.split('\n')[0] : String(e);
  return READ_ERRORS[code] ? `${READ_ERRORS[code]} (${code})` : code;
}

/**
 * The cdk.tf.json files under one path, in a stable order.
 * @throws InputError when the path does not exist or holds no stack
 */
export function stackFilesOf(p: string, cwd: string): string[] {
  const abs = path.resolve(cwd, p);
  const k = kind(abs, cwd);
  if (k === undefined) {
    const hint = p === DEFAULT_PATH ? ' (run `cdktf synth` first, or pass the path of a cdk.tf.json, a stack folder or a cdktf.out folder)' : '';
    throw new InputError(`${p}: no such file or directory${hint}`);
  }
  if (k === 'file') return [abs];
  const own = path.join(abs, STACK_FILE);
  if (kind(own, cwd) === 'file') return [own];
  const stacksDir = path.join(abs, 'stacks');
  if (kind(stacksDir, cwd) === 'dir') {
    let names: string[];
    try {
      names = fs.readdirSync(stacksDir);
    } catch (e) {
      throw new InputError(`${displayPath(stacksDir, cwd)}: cannot read: ${readError(e)}`);
    }
    const files = names
      .sort()
      .map((d) => path.join(stacksDir, d, STACK_FILE))
      .filter((f) => kind(f, cwd) === 'file');
    if (files.length > 0) return files;
  }
  throw new InputError(`${p}: no ${STACK_FILE} found (expected a ${STACK_FILE} file, a stack folder holding one, or a cdktf.out folder with stacks/*/${STACK_FILE})`);
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

/**
 * Finds and parses every stack under `paths` (default `./cdktf.out`). A file reached twice is
 * read once.
 * @throws InputError (one line) for the first unusable path or document
 */
export function loadStacks(paths: readonly string[], cwd: string = process.cwd()): StackInput[] {
  const wanted = paths.length > 0 ? paths : [DEFAULT_PATH];
  const seen = new Set<string>();
  const stacks: StackInput[] = [];
  for (const p of wanted) {
    for (const abs of stackFilesOf(p, cwd)) {
      if (seen.has(abs)) continue;
      seen.add(abs);
      const file = displayPath(abs, cwd);
      let text: string;
      try {
        text = fs.readFileSync(abs, 'utf8');
      } catch (e) {
        throw new InputError(`${file}: cannot read: ${readError(e)}`);
      }
      const { document, findings, plan } = readInputText(text, file);
      const extra = { ...(findings.length > 0 ? { inputFindings: findings } : {}), ...(plan !== undefined ? { plan } : {}) };
      stacks.push({ name: stackNameOf(document, abs), file, document, ...extra });
    }
  }
  return stacks;
}
