/**
 * Renderers of a `check` run: text for people (colours optional) and JSON for CI.
 * No cdktf imports.
 */
import type { CheckRun } from './check-command';
import { groupByResource, messageBody, plural } from './check-command';

/** A colour function: wraps text in ANSI codes, or returns it as it is when colours are off. */
export type Formatter = (text: string) => string;

/** The colour functions a renderer uses; identity functions when colours are off. */
export interface Palette {
  readonly red: Formatter;
  readonly yellow: Formatter;
  readonly green: Formatter;
  readonly bold: Formatter;
  readonly dim: Formatter;
}

/**
 * Whether to colour output: only on a terminal, never with `NO_COLOR` set (https://no-color.org);
 * `FORCE_COLOR` (non-empty, not `0`) forces colours on a non-terminal.
 */
export function useColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return isTTY === true && env.TERM !== 'dumb';
}

/**
 * Text output of `check`: per stack, findings grouped by resource, each finding on one line with
 * its rule id first and its severity, the fix on the next line; then a summary line.
 *
 * ```
 * stack overlay (cdktf.out/stacks/overlay/cdk.tf.json)
 *   azurerm_kubernetes_cluster.aks (overlay/aks)
 *     network/overlap [error] pod range 10.1.0.0/16 overlaps ...
 *       fix: use ...
 * ```
 */
export function formatCheckText(run: CheckRun, c: Palette): string {
  const lines: string[] = [];
  for (const s of run.stacks) {
    const clusters = s.clusters === 0 ? 'no AKS clusters' : plural(s.clusters, 'AKS cluster');
    const errors = s.findings.filter((f) => f.severity === 'error').length;
    const warnings = s.findings.length - errors;
    const status = s.findings.length === 0 ? c.green('ok') : [errors ? c.red(plural(errors, 'error')) : '', warnings ? c.yellow(plural(warnings, 'warning')) : ''].filter(Boolean).join(', ');
    lines.push(`${c.bold(`stack ${s.name}`)} ${c.dim(`(${s.file})`)}: ${clusters}, ${status}`);
    for (const g of groupByResource(s.findings)) {
      lines.push(`  ${g.address}${g.path ? c.dim(` (${g.path})`) : ''}`);
      for (const f of g.findings) {
        const sev = f.severity === 'error' ? c.red('[error]') : c.yellow(f.skipped ? '[warning, skipped]' : '[warning]');
        lines.push(`    ${c.bold(f.ruleId)} ${sev} ${messageBody(f)}`);
        lines.push(`      fix: ${f.fix}`);
      }
    }
    for (const id of s.unknownSubnets) lines.push(c.dim(`  hint: give the prefixes of existing subnet ${id} with --subnet '${id}=PREFIX[,PREFIX]'`));
  }
  const strict = run.warningsAsErrors && run.warnings > 0 ? ' (warnings count as errors)' : '';
  const summary = `${plural(run.stacks.length, 'stack')} checked: ${plural(run.errors, 'error')}, ${plural(run.warnings, 'warning')}${strict}`;
  lines.push(run.exitCode === 0 ? c.green(summary) : c.red(summary));
  return lines.join('\n') + '\n';
}

/** The JSON output of `check` (`--format json`), stable for CI: `{ version, exitCode, errors, warnings, warningsAsErrors, stacks: [{ name, file, clusters, unknownSubnets, findings }] }`. */
export function formatCheckJson(run: CheckRun): string {
  return JSON.stringify({
    version: 1,
    exitCode: run.exitCode,
    errors: run.errors,
    warnings: run.warnings,
    warningsAsErrors: run.warningsAsErrors,
    stacks: run.stacks,
  }, null, 2) + '\n';
}
