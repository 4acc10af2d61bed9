/**
 * The `check` command's logic: run the rule engine over each stack and decide the exit code.
 * No Azure rule lives here; every finding comes from `check` of lib/rules. No cdktf imports.
 */
import { isUnknown, type PlanModel } from '../model';
import { analyze } from '../rules';
import type { CheckContext, Finding } from '../rules';
import { EXIT_FINDINGS, EXIT_OK } from './errors';
import type { StackInput } from './discover';

/** Options of `check` that change the outcome. */
export interface CheckOptions {
  /**
   * Count warnings as errors for the exit code.
   * @default false
   */
  readonly warningsAsErrors?: boolean;
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
  /** Error findings across all stacks. */
  readonly errors: number;
  /** Warning findings across all stacks. */
  readonly warnings: number;
  /** Whether warnings counted as errors. */
  readonly warningsAsErrors: boolean;
  /** 0 when nothing fails the run, 1 otherwise. */
  readonly exitCode: number;
}

/** What the CLI shows about a document besides findings: its cluster count and the existing subnets whose prefixes are unknown. */
export function summarize(model: PlanModel): { clusters: number; unknownSubnets: string[] } {
  const unknownSubnets = model.subnets.filter((s) => s.external && isUnknown(s.addressPrefixes)).map((s) => s.id);
  return { clusters: model.clusters.length, unknownSubnets };
}

/** Runs the rule engine over every stack. */
export function runCheck(stacks: readonly StackInput[], context: CheckContext = {}, options: CheckOptions = {}): CheckRun {
  const results = stacks.map((s): StackResult => {
    // each document is read once; the model carries the context its metadata adds
    const { model, findings } = analyze(s.document, context);
    return { name: s.name, file: s.file, ...summarize(model), findings: [...(s.inputFindings ?? []), ...findings] };
  });
  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.length - errors;
  const warningsAsErrors = options.warningsAsErrors ?? false;
  const failing = errors + (warningsAsErrors ? warnings : 0);
  return { stacks: results, errors, warnings, warningsAsErrors, exitCode: failing > 0 ? EXIT_FINDINGS : EXIT_OK };
}

/** Findings grouped by resource address, resources in order of first appearance, findings in rule order. */
export function groupByResource(findings: readonly Finding[]): { address: string; path?: string; findings: Finding[] }[] {
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
