/**
 * Suppressions: accepted exceptions to a rule, each with a mandatory reason. A suppressed finding
 * stays in the list with `suppressed: { reason, source }`, is shown and counted apart, and fails
 * neither synth nor `check`. A suppression that matches no finding is stale and becomes a
 * `document/stale-suppression` warning. Suppressions declared on constructs travel with the
 * stack in its cdktf metadata, next to the check context
 * (`"//": { "metadata": { "cdktf-aks-overlay": { "suppressions": [...] } } }`), so that
 * `cdktf-aks-overlay check cdktf.out` honours exactly what synth honoured. No cdktf imports.
 */
import { CONTEXT_METADATA_KEY } from '../model';
import { DOCUMENT_RULE_IDS, RULE_IDS } from './catalogue';
import { RULES } from './registry';
import type { Finding } from './types';

/** The rule id of the warning a stale suppression (one that matches no finding) becomes. */
export const STALE_SUPPRESSION_RULE_ID = 'document/stale-suppression';

/** The field under the stack's `//.metadata["cdktf-aks-overlay"]` that holds its suppressions. */
export const SUPPRESSIONS_METADATA_FIELD = 'suppressions';

/** An accepted exception to one rule. */
export interface Suppression {
  /** The rule id it suppresses, e.g. `network/dns-service-ip-convention`. */
  readonly rule: string;
  /** Why the exception is accepted; required and non-empty. */
  readonly reason: string;
  /**
   * A Terraform address pattern; `*` matches any run of characters, e.g. `azurerm_kubernetes_cluster.*`.
   * @default every address
   */
  readonly resource?: string;
  /**
   * A construct path prefix: the suppression covers that construct and its subtree, e.g. `prod/aks`.
   * @default every path (and findings without one)
   */
  readonly path?: string;
  /**
   * Where it was declared, e.g. `construct prod/aks` or `.cdktf-aks-overlay.json`; shown with each finding it covers.
   * @default `suppressions`
   */
  readonly source?: string;
}

/** A suppression that cannot be used; the message names the offending key, e.g. `suppressions[0].reason`. */
export class SuppressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuppressionError';
  }
}

/**
 * Every rule id a suppression (or a rule selection) may name: the catalogue's, the registry's and
 * the `document/*` ids (a stale suppression itself cannot be suppressed).
 */
export function knownRuleIds(): ReadonlySet<string> {
  const ids = new Set<string>([...RULE_IDS, ...RULES.map((r) => r.id), ...DOCUMENT_RULE_IDS]);
  ids.delete(STALE_SUPPRESSION_RULE_ID);
  return ids;
}

const FIELDS = ['rule', 'reason', 'resource', 'path'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optionalText(entry: Record<string, unknown>, field: 'resource' | 'path', key: string): string | undefined {
  const v = entry[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.trim() === '') {
    throw new SuppressionError(`${key}.${field}: expected a non-empty string`);
  }
  return v.trim();
}

/**
 * Checks one suppression as written by a user or read back from a document.
 * @param key where it sits, for messages, e.g. `suppressions[2]`
 * @param source recorded as the suppression's `source`
 * @throws SuppressionError naming the key: not an object, an unknown field, an unknown rule id, a missing or
 * empty reason
 */
export function validateSuppression(value: unknown, key: string, source?: string): Suppression {
  if (!isRecord(value)) throw new SuppressionError(`${key}: expected an object { rule, reason, resource?, path? }`);
  const unknownField = Object.keys(value).find((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknownField !== undefined) {
    throw new SuppressionError(`${key}.${unknownField}: unknown key (expected ${FIELDS.join(', ')})`);
  }
  const rule = value.rule;
  if (typeof rule !== 'string' || rule.trim() === '') throw new SuppressionError(`${key}.rule: a rule id is required`);
  if (!knownRuleIds().has(rule.trim())) {
    throw new SuppressionError(`${key}.rule: unknown rule id '${rule}'${hint(rule)}`);
  }
  const reason = value.reason;
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new SuppressionError(`${key}.reason: a non-empty reason is required for ${rule}`);
  }
  const resource = optionalText(value, 'resource', key);
  const path = optionalText(value, 'path', key)?.replace(/\/+$/, '');
  return {
    rule: rule.trim(),
    reason: reason.trim(),
    ...(resource !== undefined ? { resource } : {}),
    ...(path !== undefined && path !== '' ? { path } : {}),
    ...(source !== undefined ? { source } : {}),
  };
}

/** Edit distance between two strings (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/**
 * Up to three ids close to `id` (closest first): within a third of its length in edits, or
 * containing its last part.
 */
export function nearestIds(id: string, ids: readonly string[]): string[] {
  const tail = id.split('/').pop() ?? '';
  return ids
    .map((x) => ({ x, d: distance(id, x) }))
    .filter(({ x, d }) => d <= Math.max(2, Math.floor(id.length / 3)) || (tail.length >= 3 && x.includes(tail)))
    .sort((p, q) => p.d - q.d)
    .slice(0, 3)
    .map(({ x }) => x);
}

/** ` (did you mean x?)` for a rule id close to a known one, else a pointer to the list. */
function hint(rule: string): string {
  const near = nearestIds(rule.trim(), [...knownRuleIds()]);
  return near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : '; `cdktf-aks-overlay rules` lists them';
}

/**
 * Checks a list of suppressions.
 * @param key the list's key, for messages (`suppressions` gives `suppressions[0].reason`)
 * @throws SuppressionError naming the first offending key
 */
export function validateSuppressions(value: unknown, key = 'suppressions', source?: string): Suppression[] {
  if (!Array.isArray(value)) {
    throw new SuppressionError(`${key}: expected a list of { rule, reason, resource?, path? }`);
  }
  return value.map((v, i) => validateSuppression(v, `${key}[${i}]`, source));
}

/** Whether `address` matches `pattern` as a whole; `*` matches any run of characters. */
export function addressMatches(pattern: string, address: string): boolean {
  const re = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${re}$`).test(address);
}

/** Whether construct path `prefix` covers `path`: the same construct or one in its subtree. */
export function pathCovers(prefix: string, path: string | undefined): boolean {
  return path !== undefined && (path === prefix || path.startsWith(`${prefix}/`));
}

/** Whether a suppression covers a finding: same rule id, and the address pattern and path prefix (when given) match. */
export function suppressionMatches(s: Suppression, f: Finding): boolean {
  if (f.ruleId !== s.rule) return false;
  if (s.resource !== undefined && !addressMatches(s.resource, f.address)) return false;
  return s.path === undefined || pathCovers(s.path, f.path);
}

/** One line naming a suppression, e.g. `network/overlap for azurerm_subnet.* under prod/aks (construct prod/aks)`. */
export function describeSuppression(s: Suppression): string {
  const resource = s.resource !== undefined ? ` for ${s.resource}` : '';
  const where = `${resource}${s.path !== undefined ? ` under ${s.path}` : ''}`;
  return `${s.rule}${where} (${s.source ?? 'suppressions'})`;
}

/** The warning a stale suppression becomes. */
export function staleSuppressionFinding(s: Suppression): Finding {
  const f: Finding = {
    ruleId: STALE_SUPPRESSION_RULE_ID,
    severity: 'warning',
    address: s.resource ?? '(document)',
    message: `${STALE_SUPPRESSION_RULE_ID}: the suppression of ${describeSuppression(s)} matches no finding`,
    fix: `remove it, or correct its rule, resource or path (its reason: "${s.reason}")`,
  };
  return s.path !== undefined ? { ...f, path: s.path } : f;
}

/** What {@link applySuppressions} returns. */
export interface SuppressionOutcome {
  /** The findings, in their order; those a suppression covers carry `suppressed` (the first matching suppression's). */
  readonly findings: Finding[];
  /** One `document/stale-suppression` warning per suppression that matched no finding. */
  readonly stale: Finding[];
  /** The suppressions that matched no finding (the ones `stale` reports). */
  readonly unused: Suppression[];
}

/**
 * Marks the findings that suppressions cover and reports the suppressions that cover none.
 * Findings already suppressed and stale-suppression warnings are left as they are.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
): SuppressionOutcome {
  const used = new Set<Suppression>();
  const out = findings.map((f) => {
    if (f.ruleId === STALE_SUPPRESSION_RULE_ID) return f;
    const matching = suppressions.filter((s) => suppressionMatches(s, f));
    matching.forEach((s) => used.add(s));
    const first = matching[0];
    if (first === undefined || f.suppressed !== undefined) return f;
    return { ...f, suppressed: { reason: first.reason, source: first.source ?? 'suppressions' } };
  });
  const unused = suppressions.filter((s) => !used.has(s));
  return { findings: out, stale: unused.map(staleSuppressionFinding), unused };
}

/** The source recorded for a suppression read from a document: `construct <path>`, else `construct <stack name>`. */
export function documentSuppressionSource(path: string | undefined, stackName: string | undefined): string {
  const where = path ?? stackName;
  return where !== undefined ? `construct ${where}` : 'stack metadata';
}

/** What {@link suppressionsFromDocument} returns. */
export interface DocumentSuppressions {
  readonly suppressions: Suppression[];
  /** One line per malformed entry, naming its key; a valid document has none. */
  readonly problems: string[];
}

/**
 * The suppressions a synthesized document carries in `//.metadata["cdktf-aks-overlay"].suppressions`.
 * Never throws: malformed entries are left out and described in `problems`.
 */
export function suppressionsFromDocument(document: unknown): DocumentSuppressions {
  const none: DocumentSuppressions = { suppressions: [], problems: [] };
  if (!isRecord(document) || !isRecord(document['//']) || !isRecord(document['//'].metadata)) return none;
  const metadata = document['//'].metadata;
  const stored = metadata[CONTEXT_METADATA_KEY];
  if (!isRecord(stored) || stored[SUPPRESSIONS_METADATA_FIELD] === undefined) return none;
  const key = `//.metadata.${CONTEXT_METADATA_KEY}.${SUPPRESSIONS_METADATA_FIELD}`;
  const list = stored[SUPPRESSIONS_METADATA_FIELD];
  if (!Array.isArray(list)) return { suppressions: [], problems: [`${key}: expected a list`] };
  const stackName = typeof metadata.stackName === 'string' ? metadata.stackName : undefined;
  const suppressions: Suppression[] = [];
  const problems: string[] = [];
  list.forEach((entry, i) => {
    try {
      const s = validateSuppression(entry, `${key}[${i}]`);
      suppressions.push({ ...s, source: documentSuppressionSource(s.path, stackName) });
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  });
  return { suppressions, problems };
}

/** How suppressions are stored in a document's metadata: `{ rule, reason, resource?, path? }`, without source. */
export function suppressionsToMetadata(list: readonly Suppression[]): Record<string, string>[] {
  return list.map((s) => {
    const out: Record<string, string> = { rule: s.rule, reason: s.reason };
    if (s.resource !== undefined) out.resource = s.resource;
    if (s.path !== undefined) out.path = s.path;
    return out;
  });
}
