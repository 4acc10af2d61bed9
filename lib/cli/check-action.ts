/**
 * What `check` does once commander has parsed it: read the config file, merge its settings with
 * the flags (flags win), run the rules, render the chosen format and write it to stdout or
 * `--output FILE`. No cdktf imports.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as pc from 'picocolors';
import { mergeContexts, type CheckContext } from '../rules';
import { runCheck, quietRun } from './check-command';
import { loadConfig, type CheckConfig } from './config';
import { contextFromOptions, type ContextOptionValues } from './context-options';
import { loadInputs } from './inputs';
import { InputError } from './errors';
import { fileOptions, type FileOptionValues } from './read-file';
import { useColor } from './format';
import { renderCheck, type CheckFormat } from './formats';
import type { CliIo } from './io';
import { ruleDocs } from './rules-command';
import { parseRuleList, ruleFilter } from './selection';
import { variablesFromOptions, type VariableOptionValues } from './variables';

/** The options of `check` as commander collects them. */
export interface CheckActionOptions extends ContextOptionValues, VariableOptionValues, FileOptionValues {
  /** `--format`. */
  readonly format: CheckFormat;
  /**
   * `--warnings-as-errors`.
   * @default the config file's `warningsAsErrors`, else false
   */
  readonly warningsAsErrors?: boolean;
  /**
   * `--config FILE`.
   * @default the nearest .cdktf-aks-overlay.json from the working directory upward
   */
  readonly config?: string;
  /**
   * `--only` values.
   * @default the config file's `only`, else every rule
   */
  readonly only?: readonly string[];
  /**
   * `--skip` values.
   * @default the config file's `skip`, else none
   */
  readonly skip?: readonly string[];
  /**
   * `--output FILE`.
   * @default stdout
   */
  readonly output?: string;
  /**
   * `--quiet`: show only the findings that fail the run.
   * @default false
   */
  readonly quiet?: boolean;
}

/**
 * The context for `check` and `report`: the config file's context under the flags'.
 * @throws InputError for a malformed flag or config file
 */
export function contextWithConfig(
  opts: ContextOptionValues & { readonly config?: string },
  cwd: string,
): { config: CheckConfig; context: CheckContext } {
  const config = loadConfig(opts.config, cwd);
  return { config, context: mergeContexts(config.context, contextFromOptions(opts)) };
}

/**
 * The context for `check` and `report` with the `--var-file` and `--var` values (which win over a
 * folder's own tfvars files; see lib/cli/variables.ts).
 * @throws InputError for a malformed flag, config file or variables file
 */
export async function runContext(
  opts: ContextOptionValues & VariableOptionValues & FileOptionValues & { readonly config?: string },
  cwd: string,
): Promise<{ config: CheckConfig; context: CheckContext }> {
  const { config, context } = contextWithConfig(opts, cwd);
  const variables = await variablesFromOptions(opts, cwd, fileOptions(opts));
  return { config, context: variables === undefined ? context : mergeContexts(context, { variables }) };
}

/**
 * Runs `check` and writes its output.
 * @returns the exit code: 0 nothing fails, 1 a finding fails the run
 * @throws InputError (one line) for unusable input
 */
export async function checkAction(paths: readonly string[], opts: CheckActionOptions, io: CliIo): Promise<number> {
  const { config, context } = await runContext(opts, io.cwd);
  const only = opts.only !== undefined ? parseRuleList('--only', opts.only) : config.only;
  const skip = opts.skip !== undefined ? parseRuleList('--skip', opts.skip) : config.skip;
  const selectRule = ruleFilter({ only, skip });
  const stacks = await loadInputs(paths, io.cwd, fileOptions(opts));
  const run = runCheck(stacks, context, {
    warningsAsErrors: opts.warningsAsErrors === true || config.warningsAsErrors === true,
    suppressions: config.suppressions,
    selectRule,
    ...(config.file !== undefined ? { configFile: config.file } : {}),
  });
  const shown = opts.quiet === true ? quietRun(run) : run;
  const toFile = opts.output !== undefined;
  const text = renderCheck(shown, opts.format, {
    colors: pc.createColors(!toFile && useColor(io.stdout.isTTY, io.env)),
    documents: new Map(stacks.map((s) => [s.file, s.document])),
    ruleIds: ruleDocs()
      .map((d) => d.id)
      .filter(selectRule),
  });
  if (opts.output === undefined) {
    io.stdout.write(text);
  } else {
    try {
      fs.writeFileSync(path.resolve(io.cwd, opts.output), text);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(`--output ${opts.output}: cannot write${code ? ` (${code})` : ''}`);
    }
  }
  return run.exitCode;
}
