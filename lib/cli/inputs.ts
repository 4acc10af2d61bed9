/**
 * Every input the CLI accepts, read from disk: cdk.tf.json files, stack folders and cdktf.out
 * folders (lib/cli/discover.ts), `terraform show -json` plans (detected by content, see
 * plan-input.ts), and folders of Terraform files (`*.tf`, `*.tf.json`) read as one module with
 * their local modules (lib/model/directory). `.tf` files are converted with `@cdktn/hcl2json`,
 * loaded only when a `.tf` file is met. No cdktf imports.
 */
import * as fs from 'fs';
import * as path from 'path';
import { directoryToDocument, localModuleDirs, type DirectoryFile } from '../model/directory';
import { DEFAULT_PATH, displayPath, loadStacks, STACK_FILE, type LoadOptions, type StackInput } from './discover';
import { parseTerraformDocument } from './document';
import { InputError } from './errors';
import { problemFinding } from './plan-input';
import { DEFAULT_MAX_FILE_SIZE, readTextFile } from './read-file';
import { convertHcl } from './hcl';
import { folderVariables } from './variables';

/** True for the file names Terraform reads in a module folder. */
export function isTerraformFile(name: string): boolean {
  return /\.tf(\.json)?$/.test(name) && !name.startsWith('.');
}

/** A Terraform file's text: a regular file only (no FIFO or device), up to `--max-file-size`. */
function readText(abs: string, cwd: string, options: LoadOptions): string {
  const maxBytes = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  return readTextFile(abs, { display: displayPath(abs, cwd), maxBytes, regularOnly: true });
}

function listTerraformFiles(absDir: string): string[] {
  try {
    return fs
      .readdirSync(absDir, { withFileTypes: true })
      .filter((d) => d.isFile() && isTerraformFile(d.name))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** Reads one Terraform file (a `.tf.json` parsed, a `.tf` converted). */
async function readTerraformFile(abs: string, cwd: string, options: LoadOptions): Promise<unknown> {
  const file = displayPath(abs, cwd);
  const text = readText(abs, cwd, options);
  if (abs.endsWith('.tf.json')) return parseTerraformDocument(text, file);
  if (text.trim() === '') return {};
  return convertHcl(file, text.startsWith('\uFEFF') ? text.slice(1) : text);
}

/**
 * Reads a folder of Terraform files (or one `.tf` / `.tf.json` file) as one module, with the
 * local modules its calls name, into one stack.
 * @throws InputError for unreadable files, HCL or JSON errors, and duplicate blocks
 */
export async function loadTerraformFolder(
  absPath: string,
  cwd: string,
  options: LoadOptions = {},
): Promise<StackInput> {
  const isFile = !fs.statSync(absPath).isDirectory();
  const root = isFile ? path.dirname(absPath) : absPath;
  const files: DirectoryFile[] = [];
  const queue: string[] = [''];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const rel = queue.shift() as string;
    if (seen.has(rel)) continue;
    seen.add(rel);
    const absDir = path.join(root, rel);
    const names = rel === '' && isFile ? [path.basename(absPath)] : listTerraformFiles(absDir);
    for (const name of names) {
      const json = await readTerraformFile(path.join(absDir, name), cwd, options);
      files.push({ name: rel === '' ? name : `${rel}/${name}`, json });
      for (const dir of localModuleDirs(json, rel)) if (!seen.has(dir)) queue.push(dir);
    }
  }
  const shown = displayPath(absPath, cwd);
  const { document, problems } = directoryToDocument(files);
  const fatal = problems.find((p) => p.severity === 'error');
  if (fatal) throw new InputError(`${shown}: ${fatal.message}`);
  // the values Terraform itself loads from a root folder (terraform.tfvars, *.auto.tfvars)
  const { variables, problem } = isFile ? {} : await folderVariables(root, cwd, options);
  const findings = [...problems, ...(problem !== undefined ? [{ address: '(variables)', message: problem }] : [])].map(
    problemFinding,
  );
  return {
    name: path.basename(isFile ? absPath.replace(/\.tf(\.json)?$/, '') : absPath),
    file: shown,
    document,
    ...(findings.length > 0 ? { inputFindings: findings } : {}),
    ...(variables !== undefined ? { variables } : {}),
  };
}

/** True when `abs` is a folder read as a Terraform module: it holds `.tf`/`.tf.json` files and no stack. */
function isTerraformFolder(abs: string): boolean {
  try {
    if (!fs.statSync(abs).isDirectory()) return /\.tf$/.test(abs);
  } catch {
    return false;
  }
  if (fs.existsSync(path.join(abs, STACK_FILE)) || fs.existsSync(path.join(abs, 'stacks'))) return false;
  return listTerraformFiles(abs).length > 0;
}

/**
 * Finds and reads every input under `paths` (default `./cdktf.out`): stacks as `loadStacks`
 * finds them (plans included), and folders of Terraform files (or `.tf` files) as one stack each.
 * @throws InputError (one line) for the first unusable path or document
 */
export async function loadInputs(
  paths: readonly string[],
  cwd: string = process.cwd(),
  options: LoadOptions = {},
): Promise<StackInput[]> {
  const wanted = paths.length > 0 ? paths : [DEFAULT_PATH];
  const out: StackInput[] = [];
  const seen = new Set<string>();
  for (const p of wanted) {
    const abs = path.resolve(cwd, p);
    const read = isTerraformFolder(abs)
      ? [await loadTerraformFolder(abs, cwd, options)]
      : loadStacks([p], cwd, options);
    for (const s of read) {
      if (seen.has(s.file)) continue;
      seen.add(s.file);
      out.push(s);
    }
  }
  return out;
}
