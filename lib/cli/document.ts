/**
 * Parsing a file's text as a Terraform JSON document, with one-line errors for anything else.
 * No cdktf imports.
 */
import { InputError } from './errors';
import { clip, printable } from './escape';
import { describeJsonError } from './json-error';

/** Re-exported: the one escaping function of terminal output (see ./escape). */
export { printable };

/**
 * The top-level keys Terraform's JSON configuration syntax allows, plus cdktf's `//` comment
 * key. A JSON object with any other key (a package.json, a manifest.json) is not a Terraform
 * document.
 */
export const TERRAFORM_TOP_LEVEL_KEYS: readonly string[] = [
  '//',
  'check',
  'data',
  'import',
  'locals',
  'module',
  'moved',
  'output',
  'provider',
  'removed',
  'resource',
  'terraform',
  'variable',
];

/** Describes a JSON value's type in words, for error messages. */
export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  return `a ${typeof v}`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A block as Terraform JSON allows it: an object, or a list of objects (which the model reader
 * merges). The merge keeps every key, `__proto__` included (`Object.assign` would call the
 * prototype setter for it and drop the entry).
 */
function asBlock(v: unknown): Record<string, unknown> | undefined {
  if (isPlainObject(v)) return v;
  if (Array.isArray(v) && v.every(isPlainObject)) {
    const merged = Object.create(null) as Record<string, unknown>;
    for (const item of v) for (const [k, x] of Object.entries(item)) merged[k] = x;
    return merged;
  }
  return undefined;
}

/**
 * Parses `text` (the contents of `file`) as a Terraform JSON document.
 *
 * Accepted: a JSON object whose keys are Terraform top-level keys; `resource`, when present, an
 * object of resource types, each an object of resources (at both levels a list of objects is
 * accepted too, as Terraform's JSON syntax allows). `{}` is a valid (empty) document.
 * Deeper shape problems are left to the rule engine (`document/shape` findings).
 * @param text the file contents
 * @param file the path to name in error messages
 * @returns the parsed document
 * @throws InputError with a one-line message for text that is not JSON or JSON that is not a Terraform document
 */
export function parseTerraformDocument(text: string, file: string): Record<string, unknown> {
  // A UTF-8 byte order mark (editors on Windows write one) is not part of the JSON text.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (json.trim() === '') throw new InputError(`${file}: not JSON: the file is empty`);
  if (json.includes('\u0000')) throw new InputError(`${file}: not JSON: a binary file (it holds NUL bytes)`);
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    // never V8's message as it is: it quotes the start of the text (of whatever file a path led to)
    throw new InputError(`${file}: not JSON: ${describeJsonError(json, e instanceof Error ? e.message : String(e))}`);
  }
  const notTf = `${file}: not a Terraform JSON document:`;
  if (!isPlainObject(doc)) throw new InputError(`${notTf} the top level is ${jsonType(doc)}, expected an object`);
  const unknownKey = Object.keys(doc).find((k) => !TERRAFORM_TOP_LEVEL_KEYS.includes(k));
  if (unknownKey !== undefined) {
    const expected = TERRAFORM_TOP_LEVEL_KEYS.filter((k) => k !== '//').join(', ');
    throw new InputError(`${notTf} unexpected top-level key '${clip(unknownKey)}' (expected only ${expected})`);
  }
  if ('resource' in doc) {
    const resource = asBlock(doc.resource);
    if (!resource)
      throw new InputError(`${notTf} 'resource' is ${jsonType(doc.resource)}, expected an object of resource types`);
    for (const [type, byName] of Object.entries(resource)) {
      if (!asBlock(byName)) {
        throw new InputError(
          `${notTf} 'resource.${clip(type)}' is ${jsonType(byName)}, expected an object of named resources`,
        );
      }
    }
  }
  return doc;
}
