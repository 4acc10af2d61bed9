/**
 * `check(document, context?)`: every finding of `analyze`. Never throws. No cdktf imports.
 */
import type { CheckContext } from '../model';
import { analyze } from './analyze';
import type { Finding } from './types';

/**
 * Checks a Terraform JSON document (a parsed cdk.tf.json) against every rule of docs/RULES.md.
 * @param document the parsed JSON; any value is accepted, a non-document yields `document/shape` findings
 * @param context what the document cannot hold, e.g. the prefixes of existing subnets referenced by ID;
 * merged over the context a synthesized stack carries in its metadata
 * @returns all findings, errors and warnings, in rule order
 */
export function check(document: unknown, context?: CheckContext | null): Finding[] {
  return analyze(document, context).findings;
}

/** One line for a finding: rule id first, then the value, the fix, and where. */
export function formatFinding(f: Finding): string {
  return `${f.message}; ${f.fix} (${f.path ?? f.address})`;
}
