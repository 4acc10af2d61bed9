/**
 * The rule catalogue: one {@link RuleDoc} per rule id, in the order of docs/RULES.md (generated
 * from it by scripts/rules-md.js). No cdktf imports.
 */
import type { RuleDoc } from './types';
import { NETWORK_DOCS } from './network';
import { NETWORK_RANGE_DOCS } from './network-ranges';
import { NETWORK_SPACE_DOCS } from './network-space';
import { NETWORK_DUAL_STACK_DOCS } from './network-dual-stack';
import { POOL_DOCS } from './pools';
import { POOL_OS_DOCS } from './pools-os';
import { POOL_UPGRADE_DOCS } from './pools-upgrade';
import { SERVICE_DOCS } from './services';
import { CLUSTER_DOCS } from './cluster';
import { DOCUMENT_DOCS } from './document';
import { CHANGE_RULE_DOCS } from './change';
import { aksRelease } from './sources';

export type { RuleDoc, RuleSource } from './types';

/** Every rule's documentation, grouped as docs/RULES.md shows them. */
export const RULE_DOCS: readonly RuleDoc[] = [
  ...NETWORK_DOCS,
  ...NETWORK_RANGE_DOCS,
  ...NETWORK_SPACE_DOCS,
  ...NETWORK_DUAL_STACK_DOCS,
  ...POOL_DOCS,
  ...POOL_OS_DOCS,
  ...POOL_UPGRADE_DOCS,
  ...SERVICE_DOCS,
  ...CLUSTER_DOCS,
  ...CHANGE_RULE_DOCS,
  ...DOCUMENT_DOCS,
];

/** A rule id that no longer exists, with why it was removed. */
export interface RetiredRule {
  /** The former rule id. */
  readonly id: string;
  /** Why it was removed, with the source. */
  readonly reason: string;
  /** A link to the source that made it obsolete. */
  readonly url: string;
}

/** Rule ids that were removed; findings never carry them again. */
export const RETIRED_RULES: readonly RetiredRule[] = [
  {
    id: 'pool/windows-dual-stack-preview',
    reason:
      'Windows pools on dual-stack Azure CNI Overlay no longer need the AzureOverlayDualStackPreview feature ' +
      '(AKS release notes 2026-07-17: "CNI Overlay Dual-Stack on Windows no longer requires a preview feature ' +
      'registration"); `registerDualStackPreviewFeature` stays as an opt-in',
    url: aksRelease('2026-07-17'),
  },
];

const BY_ID: ReadonlyMap<string, RuleDoc> = new Map(RULE_DOCS.map((d) => [d.id, d]));

/**
 * The documentation of one rule.
 * @param id a rule id, e.g. `network/overlap`
 * @returns its documentation, or undefined for an unknown (or retired) id
 */
export function ruleDoc(id: string): RuleDoc | undefined {
  return BY_ID.get(id);
}
