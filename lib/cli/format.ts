/**
 * Renderers of a `check` run: text for people (colours optional) and JSON for CI.
 * No cdktf imports.
 */
import type { Finding } from '../rules';
import type { CheckRun } from './check-command';
import { groupByResource, messageBody, plural } from './check-command';
import { printable as p } from './escape';

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
 * its rule id first and its severity, the fix on the next line; then a summary line. Every name,
 * path and message from the plan goes through `printable`: control characters show as `\uXXXX`
 * and never reach the terminal; only the palette's own colour codes do.
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
    const active = s.findings.filter((f) => f.suppressed === undefined);
    const errors = active.filter((f) => f.severity === 'error').length;
    const warnings = active.length - errors;
    const suppressed = s.findings.length - active.length;
    const counts = [
      errors ? c.red(plural(errors, 'error')) : '',
      warnings ? c.yellow(plural(warnings, 'warning')) : '',
      suppressed ? c.dim(`${suppressed} suppressed`) : '',
    ];
    const status = s.findings.length === 0 ? c.green('ok') : counts.filter(Boolean).join(', ');
    lines.push(`${c.bold(`stack ${p(s.name)}`)} ${c.dim(`(${p(s.file)})`)}: ${clusters}, ${status}`);
    lines.push(...findingLines(s.findings, c));
    for (const id of s.unknownSubnets.map(p)) {
      lines.push(c.dim(`  hint: give the prefixes of existing subnet ${id} with --subnet '${id}=PREFIX[,PREFIX]'`));
    }
  }
  if (run.config && run.config.findings.length > 0) {
    const { file, findings } = run.config;
    lines.push(`${c.bold(`config ${p(file)}`)}: ${c.yellow(plural(findings.length, 'warning'))}`);
    lines.push(...findingLines(findings, c));
  }
  const strict = run.warningsAsErrors && run.warnings > 0 ? ' (warnings count as errors)' : '';
  const suppressed = run.suppressed > 0 ? `, ${run.suppressed} suppressed` : '';
  const counted = `${plural(run.errors, 'error')}, ${plural(run.warnings, 'warning')}${suppressed}`;
  const summary = `${plural(run.stacks.length, 'stack')} checked: ${counted}${strict}`;
  lines.push(run.exitCode === 0 ? c.green(summary) : c.red(summary));
  return lines.join('\n') + '\n';
}

/** Findings grouped by resource: one line each (rule id, severity, message), the fix, a suppressed one's reason. */
function findingLines(findings: readonly Finding[], c: Palette): string[] {
  const lines: string[] = [];
  for (const g of groupByResource(findings)) {
    lines.push(`  ${p(g.address)}${g.path ? c.dim(` (${p(g.path)})`) : ''}`);
    for (const f of g.findings) {
      const tag = f.suppressed
        ? c.dim(`[${f.severity}, suppressed]`)
        : f.severity === 'error'
          ? c.red('[error]')
          : c.yellow(f.skipped ? '[warning, skipped]' : '[warning]');
      lines.push(`    ${c.bold(p(f.ruleId))} ${tag} ${p(messageBody(f))}`);
      lines.push(`      fix: ${p(f.fix)}`);
      if (f.suppressed) lines.push(c.dim(`      suppressed: ${p(f.suppressed.reason)} (${p(f.suppressed.source)})`));
    }
  }
  return lines;
}

/**
 * The JSON output of `check` (`--format json`), stable for CI: `{ version, exitCode, errors,
 * warnings, suppressed, warningsAsErrors, stacks: [{ name, file, clusters, unknownSubnets,
 * findings }], config? }`; a suppressed finding carries `suppressed: { reason, source }`.
 */
export function formatCheckJson(run: CheckRun): string {
  return (
    JSON.stringify(
      {
        version: 1,
        exitCode: run.exitCode,
        errors: run.errors,
        warnings: run.warnings,
        suppressed: run.suppressed,
        warningsAsErrors: run.warningsAsErrors,
        stacks: run.stacks,
        ...(run.config ? { config: run.config } : {}),
      },
      null,
      2,
    ) + '\n'
  );
}
