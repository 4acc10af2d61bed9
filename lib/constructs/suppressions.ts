/**
 * Suppressions in the style of cdk-nag's `NagSuppressions`: for people who know that API. Each
 * call records the same suppression as {@link AksStackValidation.suppress}.
 */
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AksStackValidation } from './stack-validation';

/** One rule to suppress, with the reason it is accepted. */
export interface AksRuleSuppression {
  /** A rule id of RULES.md, e.g. `pool/max-pods`. */
  readonly id: string;
  /** Why the exception is accepted; required and non-empty. */
  readonly reason: string;
}

/**
 * cdk-nag-style helpers.
 *
 * @example
 * AksSuppressions.addResourceSuppressions(cluster, [
 *   { id: 'network/dns-service-ip-convention', reason: 'DNS at .53 by policy' },
 * ]);
 * AksSuppressions.addStackSuppressions(stack, [{ id: 'network/kubenet-retiring', reason: 'migrating in Q3' }]);
 */
export class AksSuppressions {
  /**
   * Suppresses rules for constructs and everything they contain.
   * @throws Error for an unknown rule id or a missing reason (naming the construct)
   */
  public static addResourceSuppressions(
    constructs: IConstruct | readonly IConstruct[],
    rules: readonly AksRuleSuppression[],
  ): void {
    const list: readonly IConstruct[] = Array.isArray(constructs) ? constructs : [constructs as IConstruct];
    for (const scope of list) {
      for (const r of rules) AksStackValidation.of(scope).suppress(r.id, { reason: r.reason, scope });
    }
  }

  /**
   * Suppresses rules for a whole stack.
   * @throws Error for an unknown rule id or a missing reason (naming the stack)
   */
  public static addStackSuppressions(stack: TerraformStack, rules: readonly AksRuleSuppression[]): void {
    for (const r of rules) AksStackValidation.of(stack).suppress(r.id, { reason: r.reason });
  }

  private constructor() {}
}
