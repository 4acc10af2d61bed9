/**
 * The `check` command's logic: run the rule engine over each stack and decide the exit code.
 * No Azure rule lives here; every finding comes from `check` of lib/rules. No cdktf imports.
 */
import { isUnknown, type PlanModel } from '../model';
import { analyze } from '../rules';
import type { CheckContext, Finding } from '../rules';
import { staleSuppressionFinding, suppressionsFromDocument, type Suppression } from '../rules/suppressions';
import { EXIT_FINDINGS, EXIT_OK, InputError } from './errors';
import { stackContext, type StackInput } from './discover';

/** Options of `check` that change the outcome. */
export interface CheckOptions {
  /**
   * Count warnings as errors for the exit code.
   * @default false
   */
  readonly warningsAsErrors?: boolean;
  /**
   * Suppressions of the config file (each with its `source`), applied to every stack besides
   * those the stack carries in its metadata; one that matches nothing in any stack is stale.
   * @default none
   */
  readonly suppressions?: readonly Suppression[];
  /**
   * Which rules count (see `ruleFilter`); findings and suppressions of other rules are dropped.
   * @default every rule
   */
  readonly selectRule?: (ruleId: string) => boolean;
  /**
   * The config file, shown with its stale suppressions.
   * @default none
   */
  readonly configFile?: string;
}

/** The outcome for one stack. */
export interface StackResult {
  readonly name: string;
  readonly file: string;
  /** How many `azurerm_kubernetes_cluster` resources the stack holds. */
  readonly clusters: number;
  /** IDs of existing subnets the plan references whose prefixes are unknown (give them with `--subnet`). */
  readonly unknownSubnets: readonly string[];
  readonly findings: readonly Finding[];
}

/** The outcome of a whole `check` run. */
export interface CheckRun {
  readonly stacks: readonly StackResult[];
  /** Error findings across all stacks, suppressed ones not counted. */
  readonly errors: number;
  /** Warning findings across all stacks (stale config suppressions included), suppressed ones not counted. */
  readonly warnings: number;
  /** Suppressed findings across all stacks: shown, but failing nothing. */
  readonly suppressed: number;
  /** The config file and the warnings about it (stale suppressions), when there is one. */
  readonly config?: { readonly file: string; readonly findings: readonly Finding[] };
  /** Whether warnings counted as errors. */
  readonly warningsAsErrors: boolean;
  /** 0 when nothing fails the run, 1 otherwise. */
  readonly exitCode: number;
}

/**
 * What the CLI shows about a document besides findings: its cluster count and the existing subnets whose prefixes are
 * unknown.
 */
export function summarize(model: PlanModel): { clusters: number; unknownSubnets: string[] } {
  const unknownSubnets = model.subnets.filter((s) => s.external && isUnknown(s.addressPrefixes)).map((s) => s.id);
  return { clusters: model.clusters.length, unknownSubnets };
}

/**
 * Runs the rule engine over every stack, keeps the selected rules' findings and applies the
 * suppressions (the stack's own and the config file's).
 * @throws InputError naming the file and key for a malformed suppression in a stack's metadata
 */
export function runCheck(
  stacks: readonly StackInput[],
  context: CheckContext = {},
  options: CheckOptions = {},
): CheckRun {
  const select = options.selectRule ?? (() => true);
  const fromConfig = (options.suppressions ?? []).filter((s) => select(s.rule));
  const usedConfig = new Set<Suppression>();
  const results = stacks.map((s): StackResult => {
    const embedded = suppressionsFromDocument(s.document);
    if (embedded.problems.length > 0) throw new InputError(`${s.file}: ${embedded.problems[0]}`);
    // each document is read once; the model carries the context its metadata adds, and analyze
    // applies the stack's own suppressions with the config file's
    const { model, findings, unusedSuppressions } = analyze(s.document, stackContext(s, context), {
      select,
      suppressions: fromConfig,
      plan: s.plan,
    });
    for (const c of fromConfig) if (!unusedSuppressions.includes(c)) usedConfig.add(c);
    return { name: s.name, file: s.file, ...summarize(model), findings: [...(s.inputFindings ?? []), ...findings] };
  });
  const configStale = fromConfig.filter((c) => !usedConfig.has(c)).map(staleSuppressionFinding);
  const all = [...results.flatMap((r) => r.findings), ...configStale];
  const active = all.filter((f) => f.suppressed === undefined);
  const errors = active.filter((f) => f.severity === 'error').length;
  const warnings = active.length - errors;
  const warningsAsErrors = options.warningsAsErrors ?? false;
  const failing = errors + (warningsAsErrors ? warnings : 0);
  const file = options.configFile;
  const config = file !== undefined ? { config: { file, findings: configStale } } : {};
  return {
    stacks: results,
    errors,
    warnings,
    suppressed: all.length - active.length,
    warningsAsErrors,
    exitCode: failing > 0 ? EXIT_FINDINGS : EXIT_OK,
    ...config,
  };
}

/** Whether a finding fails the run: an unsuppressed error, or an unsuppressed warning with `--warnings-as-errors`. */
export function isFailing(f: Finding, warningsAsErrors: boolean): boolean {
  return f.suppressed === undefined && (f.severity === 'error' || warningsAsErrors);
}

/** The run as `--quiet` shows it: only the findings that fail it (counts unchanged). */
export function quietRun(run: CheckRun): CheckRun {
  const keep = (fs: readonly Finding[]) => fs.filter((f) => isFailing(f, run.warningsAsErrors));
  return {
    ...run,
    stacks: run.stacks.map((s) => ({ ...s, findings: keep(s.findings) })),
    ...(run.config ? { config: { ...run.config, findings: keep(run.config.findings) } } : {}),
  };
}

/** Findings grouped by resource address, resources in order of first appearance, findings in rule order. */
export function groupByResource(
  findings: readonly Finding[],
): { address: string; path?: string; findings: Finding[] }[] {
  const groups = new Map<string, { address: string; path?: string; findings: Finding[] }>();
  for (const f of findings) {
    let g = groups.get(f.address);
    if (!g) {
      g = { address: f.address, path: f.path, findings: [] };
      groups.set(f.address, g);
    }
    if (g.path === undefined && f.path !== undefined) g.path = f.path;
    g.findings.push(f);
  }
  return [...groups.values()];
}

/** The message without its leading `rule-id: `, so a renderer can put the rule id first itself. */
export function messageBody(f: Finding): string {
  const prefix = `${f.ruleId}: `;
  return f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
}

/** `n thing` or `n things`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
