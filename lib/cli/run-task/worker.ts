/**
 * One run task, after the request was acknowledged: report `running`, read the plan JSON,
 * evaluate it, keep its HTML report, and PATCH the final `passed` or `failed` result. Every
 * failure ends in a `failed` result with a one-line reason (a mandatory task then stops the run
 * rather than passing an unchecked plan). No cdktf imports.
 */
import { originOf } from './payload';
import { finalResult, taskResultBody, type TaskResultInput } from './result';
import { fetchPlanJson, patchTaskResult, TfcError, type TfcCallOptions } from './tfc-client';
import type { Evaluate, RunTaskLog, RunTaskRequest } from './types';

/** The stages whose plan is checked. */
export const CHECKED_STAGES: readonly string[] = ['post_plan', 'pre_apply'];

/** What a task needs from the server. */
export interface WorkerDeps extends TfcCallOptions {
  /** The engine call. */
  readonly evaluate: Evaluate;
  /** Where log lines go. */
  readonly log: RunTaskLog;
  /** Keeps a run's HTML report; returns the URL that serves it, or undefined when reports are off. */
  readonly keepReport: (runId: string, html: string) => string | undefined;
}

/** A short name of the task for log lines: run id, stage, workspace. */
export function taskLabel(r: RunTaskRequest): string {
  return `run ${r.runId ?? '(no run id)'} ${r.stage}${r.workspaceName ? ` of workspace ${r.workspaceName}` : ''}`;
}

/** The engine failed; its message goes to the task result, not to the log (it might quote the plan). */
class EvaluateError extends Error {}

async function send(r: RunTaskRequest, input: TaskResultInput, deps: WorkerDeps): Promise<boolean> {
  const label = taskLabel(r);
  try {
    let status = await patchTaskResult(r.callbackUrl, r.accessToken, taskResultBody(input), deps);
    if (status === 422 && input.findings && input.findings.length > 0) {
      // the outcomes were refused: the status and message alone still decide the run
      deps.log('warn', `${label}: the callback refused the outcomes (HTTP 422); sending the result without them`);
      status = await patchTaskResult(
        r.callbackUrl,
        r.accessToken,
        taskResultBody({ ...input, findings: undefined }),
        deps,
      );
    }
    const ok = status >= 200 && status < 300;
    deps.log(
      ok ? 'info' : 'error',
      `${label}: ${input.status} result sent to ${originOf(r.callbackUrl)}: HTTP ${status}`,
    );
    return ok;
  } catch (e) {
    deps.log('error', `${label}: ${input.status} result not sent: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

async function evaluatePlan(r: RunTaskRequest, deps: WorkerDeps): Promise<TaskResultInput> {
  const text = await fetchPlanJson(r.planJsonUrl!, r.accessToken, deps);
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch {
    throw new TfcError('the plan JSON is not JSON');
  }
  const info = { runId: r.runId, workspaceName: r.workspaceName, organizationName: r.organizationName, stage: r.stage };
  let result;
  try {
    result = await deps.evaluate(plan, info);
  } catch (e) {
    throw new EvaluateError(`the check could not run: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
  const url = result.htmlReport && r.runId ? deps.keepReport(r.runId, result.htmlReport) : undefined;
  return finalResult(result.findings, r.outcomes, url);
}

/**
 * Processes one acknowledged task to its final callback. Never throws.
 * @returns whether the final result was accepted by HCP Terraform
 */
export async function processTask(r: RunTaskRequest, deps: WorkerDeps): Promise<boolean> {
  const label = taskLabel(r);
  if (!CHECKED_STAGES.includes(r.stage)) {
    deps.log('info', `${label}: stage not checked`);
    return send(
      r,
      {
        status: 'passed',
        message: `cdktf-aks-overlay checks plans at post_plan and pre_apply; nothing to check at ${r.stage}`,
      },
      deps,
    );
  }
  if (!r.planJsonUrl) {
    return send(
      r,
      { status: 'failed', message: `cdktf-aks-overlay: the request for ${r.stage} has no plan_json_api_url` },
      deps,
    );
  }
  if (deps.signal.aborted) {
    return send(
      r,
      {
        status: 'failed',
        message: 'cdktf-aks-overlay: the run task server stopped before the check started; re-run the task',
      },
      deps,
    );
  }
  await send(r, { status: 'running', message: 'cdktf-aks-overlay: checking the AKS network plan' }, deps);
  let result: TaskResultInput;
  try {
    result = await evaluatePlan(r, deps);
    deps.log('info', `${label}: ${result.status}: ${result.message}`);
  } catch (e) {
    const why = e instanceof TfcError || e instanceof EvaluateError ? e.message : 'an internal error';
    deps.log(
      'error',
      `${label}: ${e instanceof EvaluateError ? 'the check could not run (the reason is in the task result)' : why}`,
    );
    result = { status: 'failed', message: `cdktf-aks-overlay: ${why}` };
  }
  return send(r, result, deps);
}
