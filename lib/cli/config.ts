/**
 * The config file `.cdktf-aks-overlay.json`: found from the working directory upward, or given
 * with `--config FILE`. It holds suppressions (each with a reason), the context options, the rule
 * selection and `warningsAsErrors`. Unknown keys and missing reasons are unusable input (exit 2),
 * named in a one-line error. No cdktf imports.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IpFamily } from '../net';
import type { CheckContext } from '../rules';
import { SuppressionError, validateSuppressions, type Suppression } from '../rules/suppressions';
import { checkPrefix, isFeatureName } from './context-options';
import { displayPath } from './discover';
import { InputError } from './errors';
import { parseRuleList } from './selection';

/** The config file's name. */
export const CONFIG_FILE = '.cdktf-aks-overlay.json';

/** The keys a config file may hold. */
export const CONFIG_KEYS = [
  '$schema',
  'suppressions',
  'subnets',
  'vnets',
  'serviceFamilies',
  'registeredFeatures',
  'only',
  'skip',
  'warningsAsErrors',
] as const;

/** The keys to name in messages (`$schema` is allowed for editors, but not worth mentioning). */
const KEYS_TEXT = CONFIG_KEYS.filter((k) => k !== '$schema').join(', ');

/** A parsed config file. */
export interface CheckConfig {
  /** The file it came from, as shown to the user; undefined when there is none. */
  readonly file?: string;
  /** Suppressions, each with `source` set to the file. */
  readonly suppressions: readonly Suppression[];
  /** The context of `subnets`, `vnets`, `serviceFamilies` and `registeredFeatures`. */
  readonly context: CheckContext;
  /** `only`: rule ids or group prefixes. */
  readonly only?: readonly string[];
  /** `skip`: rule ids or group prefixes. */
  readonly skip?: readonly string[];
  /** `warningsAsErrors`. */
  readonly warningsAsErrors?: boolean;
}

/** The config of a run without a config file. */
export const EMPTY_CONFIG: CheckConfig = { suppressions: [], context: {} };

/** The nearest `.cdktf-aks-overlay.json` in `cwd` or a folder above it, or undefined. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here: look one folder up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, key: string, fail: (msg: string) => never): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) fail(`${key}: expected a list of strings`);
  return v;
}

/** `{ KEY: [string, ...] }` with each item checked by `item` (which returns the kept value or why not). */
function listRecord<T>(
  v: unknown,
  key: string,
  fail: (msg: string) => never,
  item: (x: string) => T | { why: string },
): Record<string, T[]> {
  if (!isRecord(v)) fail(`${key}: expected an object { "<id or address>": [ ... ] }`);
  const out: Record<string, T[]> = {};
  for (const [k, list] of Object.entries(v)) {
    const entryKey = `${key}[${JSON.stringify(k)}]`;
    out[k] = stringList(list, entryKey, fail).map((x, i) => {
      const r = item(x);
      if (typeof r === 'object' && r !== null && 'why' in r) fail(`${entryKey}[${i}]: ${r.why}`);
      return r;
    });
  }
  return out;
}

function prefixItem(x: string): string | { why: string } {
  const c = checkPrefix(x.trim());
  return c.ok ? c.prefix : { why: c.why };
}

function familyItem(x: string): IpFamily | { why: string } {
  return x === 'IPv4' || x === 'IPv6' ? x : { why: `'${x}' is not IPv4 or IPv6` };
}

/**
 * Checks the parsed contents of a config file.
 * @param file the file as shown in messages and recorded as the suppressions' source
 * @throws InputError (one line, `<file>: <key>: ...`) for an unknown key or a bad value
 */
export function parseConfig(value: unknown, file: string): CheckConfig {
  const fail = (msg: string): never => {
    throw new InputError(`${file}: ${msg}`);
  };
  if (!isRecord(value)) return fail(`expected a JSON object with keys ${KEYS_TEXT}`);
  const unknown = Object.keys(value).find((k) => !(CONFIG_KEYS as readonly string[]).includes(k));
  if (unknown !== undefined) fail(`unknown key '${unknown}' (expected ${KEYS_TEXT})`);
  let suppressions: Suppression[] = [];
  try {
    if (value.suppressions !== undefined) suppressions = validateSuppressions(value.suppressions, 'suppressions', file);
  } catch (e) {
    if (e instanceof SuppressionError) fail(e.message);
    throw e;
  }
  const ctx: { -readonly [K in keyof CheckContext]: CheckContext[K] } = {};
  if (value.subnets !== undefined) ctx.subnets = listRecord(value.subnets, 'subnets', fail, prefixItem);
  if (value.vnets !== undefined) ctx.virtualNetworks = listRecord(value.vnets, 'vnets', fail, prefixItem);
  if (value.serviceFamilies !== undefined) {
    ctx.serviceClusterFamilies = listRecord(value.serviceFamilies, 'serviceFamilies', fail, familyItem);
  }
  if (value.registeredFeatures !== undefined) {
    ctx.registeredFeatures = stringList(value.registeredFeatures, 'registeredFeatures', fail).map((f, i) =>
      isFeatureName(f.trim()) ? f.trim() : fail(`registeredFeatures[${i}]: '${f}' is not Namespace/Feature`),
    );
  }
  if (value.warningsAsErrors !== undefined && typeof value.warningsAsErrors !== 'boolean') {
    fail('warningsAsErrors: expected true or false');
  }
  const rules = (key: 'only' | 'skip') =>
    value[key] !== undefined ? parseRuleList(`${file}: ${key}`, stringList(value[key], key, fail)) : undefined;
  const only = rules('only');
  const skip = rules('skip');
  return {
    file,
    suppressions,
    context: ctx,
    ...(only !== undefined ? { only } : {}),
    ...(skip !== undefined ? { skip } : {}),
    ...(value.warningsAsErrors !== undefined ? { warningsAsErrors: value.warningsAsErrors as boolean } : {}),
  };
}

/** The config file as shown: relative when in the working directory or a folder above it, else as `displayPath`. */
function configDisplayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return /^(\.\.[/\\])*[^/\\]+$/.test(rel) ? rel : displayPath(abs, cwd);
}

/**
 * Reads the config: `explicit` (from `--config`) when given, else the nearest
 * `.cdktf-aks-overlay.json` from `cwd` upward, else {@link EMPTY_CONFIG}.
 * @throws InputError (one line) for a missing `--config` file, unreadable or non-JSON contents, or a bad key
 */
export function loadConfig(explicit: string | undefined, cwd: string): CheckConfig {
  const abs = explicit !== undefined ? path.resolve(cwd, explicit) : findConfigFile(cwd);
  if (abs === undefined) return EMPTY_CONFIG;
  const file = configDisplayPath(abs, cwd);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? 'error'})`;
    throw new InputError(`${explicit !== undefined ? `--config ${explicit}` : file}: ${why}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  return parseConfig(parsed, file);
}
