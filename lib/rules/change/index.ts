/**
 * The `change/*` rule group: what a change does to AKS clusters and node pools. From a plan's
 * `resource_changes` ({@link reviewPlanChanges}) or predicted from two configurations
 * ({@link predictChanges}). No cdktf imports.
 */
export { reviewPlanChanges } from './review';
export { predictChanges, predictionLine, azurermVersionOf, aksResources } from './predict';
export type { PredictOptions } from './predict';
export { CHANGE_RULES, changeFinding } from './findings';
export type { ChangeRuleId } from './findings';
export { FORCE_NEW, CYCLE_ATTRIBUTES, DEFAULT_POOL_CYCLE_ONLY, PROVIDER_LINES, providerLine } from './tables';
export type { ForceNewRule, ProviderLine, ProviderTable, ReplaceWhen } from './tables';
