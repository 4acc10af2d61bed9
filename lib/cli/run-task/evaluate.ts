/**
 * The run task's default engine call: `check` of lib/rules over the run's plan JSON, and the
 * HTML report of `report --format html` for `--public-url`. No cdktf imports.
 */
import { readModel } from '../../model';
import { check } from '../../rules';
import type { CheckContext } from '../../rules';
import { renderHtmlReport } from '../html/report-html';
import type { Evaluate } from './types';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** How many `azurerm_kubernetes_cluster` resources a `terraform show -json` plan creates or keeps. */
export function planClusterCount(plan: unknown): number {
  if (!isObject(plan) || !Array.isArray(plan.resource_changes)) return 0;
  return plan.resource_changes.filter((rc: unknown) => {
    if (!isObject(rc) || rc.type !== 'azurerm_kubernetes_cluster' || rc.mode === 'data') return false;
    const actions = isObject(rc.change) && Array.isArray(rc.change.actions) ? rc.change.actions : [];
    return !(actions.length === 1 && actions[0] === 'delete');
  }).length;
}

/**
 * Throws when the plan has AKS clusters that the engine does not see: an engine without plan JSON
 * input would otherwise pass every plan. Harmless once the engine reads plans.
 */
// LEAD: when plan JSON input lands, read the plan the way `check` does (e.g. convert it once with the
// plan reader) and give that document to readModel here, to check() and to renderHtmlReport below.
function assertPlanRead(plan: unknown, context: CheckContext): void {
  const inPlan = planClusterCount(plan);
  if (inPlan === 0) return;
  let seen = 0;
  try {
    seen = readModel(plan, context).clusters.length;
  } catch {
    seen = 0;
  }
  if (seen === 0) {
    throw new Error(
      `the plan has ${inPlan} azurerm_kubernetes_cluster resource(s) but this version of cdktf-aks-overlay ` +
        'read none from its plan JSON',
    );
  }
}

/**
 * The engine as `check` runs it, over the plan JSON of a run.
 * @param context the context options (`--subnet`, ...) of the command
 * @param html whether to render the HTML report too (only needed with `--public-url`)
 */
export function defaultEvaluate(context: CheckContext, html: boolean): Evaluate {
  return (planJson, info) => {
    assertPlanRead(planJson, context);
    const findings = check(planJson, context);
    // LEAD: apply the config file's suppressions (lib/cli/config.ts) to `findings` here, before
    // the status is decided (and pass the same suppressions to the HTML report).
    if (!html || !isObject(planJson)) return { findings };
    const stack = {
      name: info.workspaceName ?? 'plan',
      file: `plan JSON of ${info.runId ?? 'the run'} (${info.stage})`,
      document: planJson,
    };
    try {
      return { findings, htmlReport: renderHtmlReport([stack], context) };
    } catch {
      return { findings }; // the result does not depend on the report
    }
  };
}
