/**
 * The `change/*` rule group: what a change does to AKS clusters and node pools. From a plan's
 * `resource_changes` ({@link reviewPlanChanges}) or predicted from two configurations
 * ({@link predictChanges}). No cdktf imports.
 */
export { reviewPlanChanges } from './review';
export { predictChanges, predictionLine, aksResources } from './predict';
export { CHANGE_RULES } from './findings';
export { FORCE_NEW, providerLine } from './tables';
