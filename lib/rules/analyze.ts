/**
 * `analyze(document, context?)`: the one entry point of the engine. Reads a document once into the
 * model (merging the context it carries) and runs every rule; `check()`, the CLI's `check` and
 * `report`, and the constructs' stack validation all call it. Never throws. No cdktf imports.
 */
import { readModel, type CheckContext, type PlanModel } from '../model';
import { isPlanJson, planToDocument } from '../model/plan';
import { reviewPlanChanges } from './change';
import { finding } from './finding';
import { RULES } from './registry';
import { applySuppressions, staleSuppressionFinding, suppressionsFromDocument, type Suppression } from './suppressions';
import type { Finding, Rule } from './types';

/** A document read and checked. */
export interface Analysis {
  /** The model the rules read (with the merged check context in `model.context`). */
  readonly model: PlanModel;
  /**
   * Every finding, errors and warnings, document findings first, then in rule order; findings a
   * suppression covers carry `suppressed`; each of the document's own suppressions that covers
   * nothing adds a `document/stale-suppression` warning.
   */
  readonly findings: Finding[];
  /** The given (not the document's) suppressions that covered no finding: the caller decides whether they are stale. */
  readonly unusedSuppressions: readonly Suppression[];
}

/** What `analyze` may be told beside the document and its context. */
export interface AnalyzeOptions {
  /** The rules to run. @default every rule */
  readonly rules?: readonly Rule[];
  /**
   * Which rule ids' findings to keep (`--only` / `--skip`); the document's suppressions of other rules are not stale.
   * @default all
   */
  readonly select?: (ruleId: string) => boolean;
  /** Suppressions from outside the document (a config file), applied with the document's own. @default none */
  readonly suppressions?: readonly Suppression[];
  /**
   * The `terraform show -json` plan the document was converted from, for the change review
   * (`change/*`). A plan passed as the document itself is converted and reviewed without it.
   * @default none
   */
  readonly plan?: unknown;
}

/** A plan given as the document: the converted document, its reading problems as findings, and the plan. */
function fromPlan(plan: unknown): { document: unknown; findings: Finding[] } {
  const { document, problems } = planToDocument(plan);
  const findings = problems.map((p) =>
    p.severity === 'error'
      ? finding(
          'document/shape',
          'error',
          { address: p.address },
          p.message,
          'pass a terraform show -json plan of format_version 1.x',
        )
      : finding(
          'document/not-evaluated',
          'warning',
          { address: p.address },
          p.message,
          'check the plan again once Terraform can plan these resources',
        ),
  );
  return { document, findings };
}

const EMPTY_MODEL: PlanModel = {
  clusters: [],
  nodePools: [],
  subnets: [],
  virtualNetworks: [],
  services: [],
  featureRegistrations: [],
  shapeProblems: [],
  notEvaluated: [],
  context: {},
};

function message(e: unknown): string {
  const s = e instanceof Error ? e.message : typeof e === 'string' ? e : 'an unexpected value was thrown';
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}

/** Runs `rules` over an already-read model: document findings, then each rule's (a failing rule becomes a finding). */
export function runRules(model: PlanModel, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  const at = (address: string, path?: string) => (path !== undefined ? { address, path } : { address });
  for (const p of model.shapeProblems) {
    findings.push(
      finding(
        'document/shape',
        'error',
        at(p.address, p.path),
        p.message,
        'write the value in the shape Terraform accepts (see the message)',
      ),
    );
  }
  for (const p of model.notEvaluated) {
    findings.push(
      finding(
        'document/not-evaluated',
        'warning',
        at(p.address, p.path),
        p.message,
        'check a plan (terraform show -json) to have it evaluated, or write literal values',
      ),
    );
  }
  const seen = new Set<string>();
  for (const rule of rules) {
    let out: Finding[];
    try {
      out = rule.check(model, model.context);
    } catch (e) {
      out = [
        finding(
          'document/rule-error',
          'error',
          { address: '(document)' },
          `rule ${rule.id} could not read the document: ${message(e)}`,
          'check the attributes this rule reads for values of the wrong type; please report this input as a bug',
        ),
      ];
    }
    for (const f of out) {
      // a value of the wrong type is reported once, whichever rules read it (one per attribute); any
      // other finding once per element and text (a cluster rule that looks at each pool may repeat itself)
      const key =
        f.ruleId === 'document/type'
          ? `${f.address}\u0000${f.message.split(' is ')[0]}`
          : `${f.ruleId}\u0000${f.address}\u0000${f.path ?? ''}\u0000${f.message}\u0000${f.fix}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(f);
    }
  }
  return findings;
}

/**
 * Reads a Terraform JSON document and runs every rule of docs/RULES.md over it.
 * @param document the parsed JSON; any value is accepted (a non-document yields `document/shape` findings)
 * @param context what the document cannot hold, merged over the context a synthesized stack carries
 */
export function analyze(document: unknown, context?: CheckContext | null, options: AnalyzeOptions = {}): Analysis {
  const select = options.select ?? (() => true);
  const given = options.suppressions ?? [];
  let model: PlanModel;
  let findings: Finding[];
  try {
    let plan = options.plan;
    const input: Finding[] = [];
    if (plan === undefined && isPlanJson(document)) {
      plan = document;
      const converted = fromPlan(document);
      document = converted.document;
      input.push(...converted.findings);
    }
    model = readModel(document, context);
    findings = [
      ...input,
      ...runRules(model, options.rules ?? RULES),
      ...(plan !== undefined ? reviewPlanChanges(plan) : []),
    ];
  } catch (e) {
    const f = finding(
      'document/shape',
      'error',
      { address: '(document)' },
      `the document could not be read: ${message(e)}`,
      'pass the parsed contents of a Terraform JSON file or plan',
    );
    return { model: EMPTY_MODEL, findings: [f], unusedSuppressions: given };
  }
  const embedded = suppressionsFromDocument(document);
  for (const p of embedded.problems) {
    findings.unshift(
      finding(
        'document/shape',
        'error',
        { address: '(document)' },
        p,
        'give every suppression a known rule id and a non-empty reason',
      ),
    );
  }
  const own = embedded.suppressions.filter((x) => select(x.rule));
  const outcome = applySuppressions(
    findings.filter((f) => select(f.ruleId)),
    [...own, ...given],
  );
  const stale = outcome.unused.filter((x) => own.includes(x)).map(staleSuppressionFinding);
  return {
    model,
    findings: [...outcome.findings, ...stale],
    unusedSuppressions: outcome.unused.filter((x) => !own.includes(x)),
  };
}
