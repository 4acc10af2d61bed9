/**
 * The documentation of a rule: the one source of docs/RULES.md (generated from it), of
 * `cdktf-aks-overlay rules` / `explain`, and of SARIF rule descriptions. No cdktf imports.
 */
import type { Severity } from '../types';

/** Where a rule's fact comes from: a page, a provider source file and line, a changelog entry. */
export interface RuleSource {
  /**
   * What the source is, e.g. `Azure CNI Overlay docs, "Limitations"` or `azurerm v4.55.0
   * kubernetes_cluster_validate.go`.
   */
  readonly title: string;
  /** A link (https://...) to the page or file (with line anchor where there is one). */
  readonly url: string;
  /** The sentence or code line that shows the fact, quoted. */
  readonly quote?: string;
}

/** A failing example of a rule and its fix. */
export interface RuleExample {
  /** A minimal Terraform JSON fragment (as text) the rule reports. */
  readonly failing: string;
  /** How to fix it. */
  readonly fix: string;
}

/** One rule's documentation. */
export interface RuleDoc {
  /** The rule id, e.g. `network/overlap`. */
  readonly id: string;
  /** `error` only where a source shows Azure or the provider rejects the plan. */
  readonly severity: Severity;
  /** One line: what the rule checks. */
  readonly summary: string;
  /** When the mistake surfaces without this library: `plan`, `apply`, `silent`, or `-` for advice. */
  readonly otherwise: string;
  /** Sources; every rule has at least one, and an error-level rule's source shows the rejection. */
  readonly sources: readonly RuleSource[];
  /** The file that implements the rule, e.g. `lib/rules/network/overlap.ts`. */
  readonly file: string;
  /** A minimal failing Terraform JSON fragment (as text) and how to fix it, for `explain`. */
  readonly example?: RuleExample;
}
