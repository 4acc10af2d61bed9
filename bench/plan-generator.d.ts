/** A Terraform JSON document with `n` generated clusters (see bench/plan-generator.js). */
export function generatePlan(n: number, first?: number): Record<string, unknown>;
/** The dual-stack preview feature the generated documents record as registered. */
export const PREVIEW_FEATURE: string;
