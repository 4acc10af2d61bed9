/**
 * Reading `terraform show -json` plans: {@link planToDocument} turns a plan into a Terraform JSON
 * document for the one model reader. Pure; no cdktf imports.
 */
export { isPlanJson, planToDocument } from './to-document';
export { KNOWN_AFTER_APPLY, SENSITIVE } from './types';
export type { PlanChange, PlanProblem, PlanResourceChange } from './types';
export { parseAddress, addressText, mangledName } from './address';
