/**
 * `cdktf-aks-overlay diff BASE HEAD`: the `change/*` findings predicted from two Terraform JSON
 * configurations (files, stack folders, cdktf.out folders, folders of Terraform files), matched
 * by stack name and resource address, for pull-request CI without Azure credentials. A
 * prediction: the terraform plan is the authoritative answer. No cdktf imports.
 */
import { Command, Option } from 'commander';
import * as pc from 'picocolors';
import { aksResources, predictChanges, predictionLine } from '../rules/change';
import type { Finding } from '../rules';
import type { CheckRun, StackResult } from './check-command';
import type { StackInput } from './discover';
import { EXIT_FINDINGS, EXIT_OK } from './errors';
import { formatCheckJson, formatCheckText, useColor } from './format';
import { loadInputs } from './inputs';

/** What `diff` writes to and reads besides argv (the CLI's io, see program.ts). */
export interface DiffIo {
  /** Standard output; `isTTY` enables colours. */
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  /** The environment: `NO_COLOR`, `FORCE_COLOR`, `TERM`. */
  readonly env: NodeJS.ProcessEnv;
  /** The directory relative paths resolve against. */
  readonly cwd: string;
}

/** The output formats of `diff`. */
export const DIFF_FORMATS = ['text', 'json'] as const;

interface DiffOptions {
  format: (typeof DIFF_FORMATS)[number];
  warningsAsErrors?: boolean;
  azurermVersion?: string;
}

/** Base and head stacks paired by name, each used once (a single stack on each side pairs whatever its name). */
export function pairStacks(
  base: readonly StackInput[],
  head: readonly StackInput[],
): { base?: StackInput; head?: StackInput }[] {
  if (base.length === 1 && head.length === 1) return [{ base: base[0], head: head[0] }];
  const unused = [...head];
  const pairs: { base?: StackInput; head?: StackInput }[] = base.map((b) => {
    const i = unused.findIndex((h) => h.name === b.name);
    return i < 0 ? { base: b } : { base: b, head: unused.splice(i, 1)[0] };
  });
  for (const h of unused) pairs.push({ head: h });
  return pairs;
}

/** The `check`-shaped outcome of a diff, and the provider lines whose rules were applied. */
export function runDiff(
  base: readonly StackInput[],
  head: readonly StackInput[],
  opts: { warningsAsErrors?: boolean; azurermVersion?: string } = {},
): { run: CheckRun; lines: string[] } {
  const lines = new Set<string>();
  const stacks = pairStacks(base, head).map(({ base: b, head: h }): StackResult => {
    const baseDoc = b?.document ?? {};
    const headDoc = h?.document ?? {};
    const line = predictionLine(baseDoc, headDoc, { providerVersion: opts.azurermVersion });
    lines.add(line === '4.66' ? '4.66+' : line);
    const findings: Finding[] = [
      ...(h?.inputFindings ?? []),
      ...predictChanges(baseDoc, headDoc, { providerVersion: opts.azurermVersion }),
    ];
    const clusters = [...aksResources(h ? headDoc : baseDoc).values()].filter((r) => r.kind === 'cluster').length;
    const file =
      b && h
        ? b.file === h.file
          ? b.file
          : `${b.file} -> ${h.file}`
        : b
          ? `${b.file} -> (removed)`
          : `(new) -> ${h?.file ?? ''}`;
    return { name: (h ?? b)?.name ?? '', file, clusters, unknownSubnets: [], findings };
  });
  const all = stacks.flatMap((s) => s.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.length - errors;
  const warningsAsErrors = opts.warningsAsErrors ?? false;
  const failing = errors + (warningsAsErrors ? warnings : 0);
  return {
    run: { stacks, errors, warnings, suppressed: 0, warningsAsErrors, exitCode: failing > 0 ? EXIT_FINDINGS : EXIT_OK },
    lines: [...lines],
  };
}

/** The line that says what `diff` output is. */
export function predictionNote(lines: readonly string[]): string {
  return (
    `prediction from configuration (azurerm ${lines.join(', ') || '4.55'} rules, no state): ` +
    'the terraform plan is authoritative; check it with `terraform show -json tfplan > plan.json` and `check plan.json`'
  );
}

/**
 * Adds the `diff` command to `program`.
 * @param setExitCode receives the exit code of a completed diff
 */
export function registerDiffCommand(program: Command, io: DiffIo, setExitCode: (code: number) => void): void {
  program
    .command('diff')
    .description(
      'predict from two configurations what a change does to AKS clusters and node pools ' +
        '(replacement, node pool cycling, network migration, egress); exit 1 on an error finding, 2 ' +
        'for unusable input',
    )
    .argument(
      '<base>',
      'the configuration before the change: a cdk.tf.json file, a stack folder, a cdktf.out folder ' +
        'or a folder of .tf / .tf.json files',
    )
    .argument('<head>', 'the configuration after the change, in the same forms')
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option('--warnings-as-errors', 'exit 1 on warnings too')
    .option(
      '--azurerm-version <version>',
      'the azurerm version whose ForceNew rules apply (default: the version the documents pin, else 4.55)',
    )
    .action(async (basePath: string, headPath: string, opts: DiffOptions) => {
      const base = await loadInputs([basePath], io.cwd);
      const head = await loadInputs([headPath], io.cwd);
      const { run, lines } = runDiff(base, head, opts);
      const note = predictionNote(lines);
      if (opts.format === 'json') {
        const json = JSON.parse(formatCheckJson(run)) as Record<string, unknown>;
        io.stdout.write(`${JSON.stringify({ ...json, prediction: note }, null, 2)}\n`);
      } else {
        const colors = pc.createColors(useColor(io.stdout.isTTY, io.env));
        io.stdout.write(`${colors.dim(note)}\n${formatCheckText(run, colors)}`);
      }
      setExitCode(run.exitCode);
    });
}
