/**
 * Reading one input file's text: a `terraform show -json` plan (detected by content and turned
 * into a Terraform JSON document by lib/model/plan) or a Terraform JSON document
 * (`parseTerraformDocument`). No cdktf imports, no fs.
 */
import { isPlanJson, planToDocument, type PlanProblem } from '../model/plan';
import type { Finding } from '../rules';
import { InputError } from './errors';
import { parseTerraformDocument } from './document';
import { describeJsonError } from './json-error';

/** A document read from a file, with what its conversion could not use. */
export interface InputDocument {
  /** The Terraform JSON document (a plan converted). */
  readonly document: Record<string, unknown>;
  /** Warnings about parts of the input that were not read (as findings), e.g. deferred plan changes. */
  readonly findings: readonly Finding[];
  /** The parsed plan, when the input was a plan (for the change review). */
  readonly plan?: unknown;
}

/**
 * The rule id of warnings about parts of the input that were not read (a module call not
 * followed, deferred plan changes): the catalogue's `document/not-evaluated`.
 */
export const INPUT_RULE_ID = 'document/not-evaluated';

/** Text that may be a plan: Terraform writes `format_version` and `planned_values` / `resource_changes`. */
const PLAN_HINT = /"format_version"\s*:/;

/** A warning-level problem as a finding. */
export function problemFinding(p: PlanProblem | { readonly address: string; readonly message: string }): Finding {
  return {
    ruleId: INPUT_RULE_ID,
    severity: 'warning',
    address: p.address,
    message: `${INPUT_RULE_ID}: ${p.message}`,
    fix: p.address.startsWith('module.')
      ? "check the module's folder on its own, or check a plan (terraform show -json), which holds its resources"
      : 'check the plan again once Terraform can plan these resources',
  };
}

/**
 * Reads `text` (the contents of `file`): a plan (format_version 1.x) or a Terraform JSON document.
 * @throws InputError (one line) for text that is not JSON, not a Terraform document, a plan of
 *   another format version, or a Terraform state
 */
export function readInputText(text: string, file: string): InputDocument {
  if (PLAN_HINT.test(text.slice(0, 4096)) || PLAN_HINT.test(text)) {
    const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (e) {
      // never V8's message as it is: it quotes the start of the text
      throw new InputError(`${file}: not JSON: ${describeJsonError(json, e instanceof Error ? e.message : String(e))}`);
    }
    if (isPlanJson(parsed)) {
      const { document, problems } = planToDocument(parsed);
      const fatal = problems.find((p) => p.severity === 'error');
      if (fatal) throw new InputError(`${file}: ${fatal.message}`);
      return { document, findings: problems.map(problemFinding), plan: parsed };
    }
    const p = parsed as Record<string, unknown> | null;
    if (p !== null && typeof p === 'object' && 'format_version' in p && 'values' in p) {
      throw new InputError(
        `${file}: a Terraform state (terraform show -json without a plan file), not a plan: run ` +
          `\`terraform plan -out tfplan\` and \`terraform show -json tfplan\``,
      );
    }
  }
  return { document: parseTerraformDocument(text, file), findings: [] };
}
