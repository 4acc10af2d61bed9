/**
 * `check(document, context?)`: read a Terraform JSON document into the model and run every rule
 * of RULES.md over it. Never throws: a malformed document or a rule that trips over input it
 * did not expect becomes a finding.
 */
import { readModel } from '../model';
import type { CheckContext, Finding, Rule } from './types';
import { RULES } from './registry';
import { contextFromDocument, mergeContexts } from './context';

/** Runs `rules` over an already-read model. */
export function runRules(model: ReturnType<typeof readModel>, context: CheckContext = {}, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const p of model.shapeProblems) {
    findings.push({
      ruleId: 'document/shape',
      severity: 'error',
      address: p.address,
      path: p.path,
      message: `document/shape: ${p.message}`,
      fix: 'write the document as Terraform JSON (resource.<type>.<name> objects), as cdktf synth does',
    });
  }
  for (const rule of rules) {
    try {
      findings.push(...rule.check(model, context));
    } catch (e) {
      findings.push({
        ruleId: 'document/rule-error',
        severity: 'error',
        address: '(document)',
        message: `document/rule-error: rule ${rule.id} could not read the document: ${e instanceof Error ? e.message : String(e)}`,
        fix: 'check the attributes this rule reads for values of the wrong type; please report this input as a bug',
      });
    }
  }
  return findings;
}

/**
 * Checks a Terraform JSON document (a parsed cdk.tf.json) against every rule of RULES.md.
 * @param document the parsed JSON; any value is accepted, a non-document yields `document/shape` findings
 * @param context what the document cannot hold, e.g. the prefixes of existing subnets referenced by ID;
 * merged over the context a synthesized stack carries in its metadata (see `contextFromDocument`)
 * @returns all findings, errors and warnings, in rule order
 */
export function check(document: unknown, context: CheckContext = {}): Finding[] {
  let model;
  let merged: CheckContext;
  try {
    merged = mergeContexts(contextFromDocument(document), context);
    model = readModel(document, merged);
  } catch (e) {
    return [{
      ruleId: 'document/shape',
      severity: 'error',
      address: '(document)',
      message: `document/shape: the document could not be read: ${e instanceof Error ? e.message : String(e)}`,
      fix: 'pass the parsed contents of a cdk.tf.json file',
    }];
  }
  return runRules(model, merged);
}

/** One line for a finding: rule id first, then the value, the fix, and where. */
export function formatFinding(f: Finding): string {
  return `${f.message}; ${f.fix} (${f.path ?? f.address})`;
}
