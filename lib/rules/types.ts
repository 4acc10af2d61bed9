/**
 * Types of the rule engine. No cdktf imports.
 */
import type { CheckContext, PlanModel } from '../model';

export type { CheckContext } from '../model';

/** How bad a finding is: an error fails synth and `check` exits 1; a warning does not. */
export type Severity = 'error' | 'warning';

/** One problem found in a plan. */
export interface Finding {
  /** The rule id of RULES.md, e.g. `network/overlap`. */
  readonly ruleId: string;
  /**
   * `error` (fails synth, and `check` exits 1) or `warning` (reported only); a skipped rule's finding is always a
   * warning.
   */
  readonly severity: Severity;
  /** The Terraform address of the offending element, e.g. `azurerm_kubernetes_cluster.aks`. */
  readonly address: string;
  /** The construct path, when the document carries one. */
  readonly path?: string;
  /**
   * What is wrong, naming the value; starts with the rule id, e.g. `network/service-cidr-ipv6-size: service range
   * fd12:3456:789a:1::/100 is larger than /108`.
   */
  readonly message: string;
  /** How to fix it, e.g. `use a /108 or smaller, e.g. fd12:3456:789a:1::/108`. */
  readonly fix: string;
  /** True when the rule could not run (a value is an unresolved expression); always a warning. */
  readonly skipped?: boolean;
  /**
   * Set when an accepted exception covers the finding: it stays in the list and is shown and
   * counted apart, but fails neither synth nor `check`.
   */
  readonly suppressed?: {
    /** Why the exception is accepted, as its author wrote it. */
    readonly reason: string;
    /** Where the suppression was declared, e.g. `construct dual-stack/aks` or `.cdktf-aks-overlay.json`. */
    readonly source: string;
  };
}

/** A rule of RULES.md. */
export interface Rule {
  readonly id: string;
  /** The severity of its findings (skipped-rule findings are always warnings). */
  readonly severity: Severity;
  /** One line: what the rule enforces. */
  readonly description: string;
  readonly check: (model: PlanModel, context: CheckContext) => Finding[];
}
