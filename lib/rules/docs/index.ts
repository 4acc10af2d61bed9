/**
 * The documentation of every rule. No cdktf imports.
 *
 * LEAD: replaced by the docs data (RULE_DOCS, one file per group, with sources and examples).
 * Until then this minimal list is built from the registry: id, severity and description only.
 */
import { RULES } from '../registry';
import type { RuleDoc } from './types';

export type { RuleDoc, RuleSource } from './types';

/** One documentation entry per implemented rule, in registry order. */
export const RULE_DOCS: readonly RuleDoc[] = RULES.map((r) => ({
  id: r.id,
  severity: r.severity,
  summary: r.description,
  otherwise: 'unknown (see docs/RULES.md)',
  sources: [],
  file: '',
}));
