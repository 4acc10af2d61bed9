/**
 * The run task's default engine call: `check` of lib/rules over the run's plan JSON, and the
 * HTML report of `report --format html` for `--public-url`. No cdktf imports.
 */
import { analyze } from '../../rules';
import type { CheckContext } from '../../rules';
import type { Suppression } from '../../rules/suppressions';
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
 * The engine as `check` runs it, over the plan JSON of a run (plans are converted and their
 * changes reviewed by `analyze`), with the config file's suppressions.
 * @param context the context options (`--subnet`, ...) of the command and the config file
 * @param html whether to render the HTML report too (only needed with `--public-url`)
 * @param suppressions the config file's suppressions
 */
export function defaultEvaluate(
  context: CheckContext,
  html: boolean,
  suppressions: readonly Suppression[] = [],
): Evaluate {
  return (planJson, info) => {
    const { model, findings } = analyze(planJson, context, { suppressions });
    const inPlan = planClusterCount(planJson);
    if (inPlan > 0 && model.clusters.length === 0) {
      // a guard, never expected: a plan whose clusters the engine cannot see must not pass
      throw new Error(
        `the plan has ${inPlan} azurerm_kubernetes_cluster resource(s) but none could be read from its plan JSON`,
      );
    }
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
