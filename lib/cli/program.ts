/**
 * The command line: `cdktf-aks-overlay check|report [PATH...]`, parsed with commander.
 * `run` takes its streams and environment as arguments so that it has no hidden inputs.
 * No cdktf imports.
 */
import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_PATH, STACK_FILE } from './discover';
import { loadInputs } from './inputs';
import { registerDiffCommand } from './diff-command';
import { asksForJson, EXIT_OK, EXIT_UNUSABLE_INPUT, InputError, unusableJson, writeUnusable } from './errors';
import { FILE_SIZE_SYNTAX, MAX_FILE_SIZE_HELP, fileOptions, type FileOptionValues } from './read-file';
import { renderReport } from './report';
import { renderHtmlReport } from './html/report-html';
import { addRunTaskCommand } from './run-task/command';
import {
  FEATURE_SYNTAX,
  PREFIX_OPTION_SYNTAX,
  SERVICE_FAMILIES_SYNTAX,
  type ContextOptionValues,
} from './context-options';
import { checkAction, runContext, type CheckActionOptions } from './check-action';
import { orderedCollector, VAR_SYNTAX, type VariableOptionValues } from './variables';
import { CONFIG_FILE } from './config';
import { CHECK_FORMATS } from './formats';
import { addRulesCommands } from './rules-command';
import type { CliIo } from './io';
import { PACKAGE_NAME, packageVersion } from './version';

export type { CliIo } from './io';

/** The output formats of `report`. */
export const REPORT_FORMATS = ['markdown', 'html'] as const;

const PATHS_HELP =
  `a ${STACK_FILE} file, a stack folder holding one, a cdktf.out folder (stacks/*/${STACK_FILE}), ` +
  `a terraform show -json plan, or a folder of .tf / .tf.json files; default ./${DEFAULT_PATH}`;
const SUBNET_HELP =
  'the address prefixes of an existing subnet that plans reference only by its resource ID (repeatable)';
const VNET_HELP =
  'the address space of an existing virtual network that plans reference only by its resource ID (repeatable)';
const SERVICE_FAMILIES_HELP =
  'the IP families of the cluster a Kubernetes service (by Terraform address) runs on, when its provider reaches the cluster through a data source or another stack (repeatable)';
const FEATURE_HELP =
  'a subscription feature registered outside the plan, e.g. Microsoft.ContainerService/AzureOverlayDualStackPreview (repeatable)';

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const VAR_HELP =
  "a value for the configuration's input variable NAME, as terraform -var takes it; lists and objects as JSON (repeatable; --var and --var-file apply in the order given)";
const VAR_FILE_HELP =
  'a .tfvars or .tfvars.json file of variable values, as terraform -var-file takes it (repeatable; a folder of .tf files also loads its terraform.tfvars and *.auto.tfvars, as Terraform does)';

/** Adds `--var` and `--var-file` (check and report). */
function withVariableOptions(cmd: Command): Command {
  const ordered = orderedCollector();
  return cmd.option(`--var <${VAR_SYNTAX}>`, VAR_HELP, ordered).option('--var-file <file>', VAR_FILE_HELP, ordered);
}

/** Adds the options both commands share. */
function withContextOptions(cmd: Command): Command {
  return cmd
    .option(`--subnet <${PREFIX_OPTION_SYNTAX}>`, SUBNET_HELP, collect)
    .option(`--vnet <${PREFIX_OPTION_SYNTAX}>`, VNET_HELP, collect)
    .option(`--service-families <${SERVICE_FAMILIES_SYNTAX}>`, SERVICE_FAMILIES_HELP, collect)
    .option(`--registered-feature <${FEATURE_SYNTAX}>`, FEATURE_HELP, collect)
    .option('--config <file>', `the config file (default: the nearest ${CONFIG_FILE} from here upward)`);
}

/**
 * Runs the CLI.
 * @param argv the arguments after the program name, e.g. `['check', 'cdktf.out']`
 * @returns the exit code: 0 no error findings, 1 error findings, 2 unusable input
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const json = asksForJson(argv);
  let usageError: string | undefined;
  const program = new Command();
  program
    .name(PACKAGE_NAME)
    .description(
      'Check synthesized CDK for Terraform plans (cdk.tf.json) against the AKS networking rules of Azure CNI Overlay, and summarize them for review.',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print help')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s) => {
        usageError = `${s.trim().replace(/\s*\n\s*/g, ' ')} (see --help)`;
        writeUnusable(io, PACKAGE_NAME, usageError, false);
      },
    });

  withVariableOptions(
    withContextOptions(
      program
        .command('check')
        .description(
          'run the rules over every stack found; exit 0 when there are no errors, 1 when there are, 2 for unusable input',
        )
        .argument('[paths...]', PATHS_HELP)
        .addOption(new Option('--format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
        .option('--warnings-as-errors', 'exit 1 on warnings too')
        .option('--only <rules>', 'run only these rule ids or groups, e.g. network/,pool/name (repeatable)', collect)
        .option('--skip <rules>', 'skip these rule ids or groups (repeatable)', collect)
        .option('--output <file>', 'write the output to a file instead of stdout')
        .option('--quiet', 'show only the findings that fail the run (errors; warnings too with --warnings-as-errors)')
        .option(`--max-file-size <${FILE_SIZE_SYNTAX}>`, MAX_FILE_SIZE_HELP),
    ),
  ).action(async (paths: string[], opts: CheckActionOptions) => {
    exitCode = await checkAction(paths, opts, io);
  });

  withVariableOptions(
    withContextOptions(
      program
        .command('report')
        .description(
          "print a Markdown summary of each stack's AKS networking (clusters, pools, capacity, services, findings) for a pull request",
        )
        .argument('[paths...]', PATHS_HELP)
        .addOption(
          new Option(
            '--format <format>',
            'output format: Markdown, or one self-contained HTML page with an address map per cluster',
          )
            .choices(REPORT_FORMATS)
            .default('markdown'),
        )
        .option(`--max-file-size <${FILE_SIZE_SYNTAX}>`, MAX_FILE_SIZE_HELP),
    ),
  ).action(
    async (
      paths: string[],
      opts: ContextOptionValues &
        VariableOptionValues &
        FileOptionValues & { config?: string; format: (typeof REPORT_FORMATS)[number] },
    ) => {
      const { context } = await runContext(opts, io.cwd);
      const stacks = await loadInputs(paths, io.cwd, fileOptions(opts));
      io.stdout.write(opts.format === 'html' ? renderHtmlReport(stacks, context) : renderReport(stacks, context));
    },
  );

  addRunTaskCommand(program, io, withContextOptions);
  registerDiffCommand(program, io, (code) => {
    exitCode = code;
  });
  addRulesCommands(program, io);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with exit code 0; usage errors (already printed) are unusable input.
      if (e.exitCode === 0) return EXIT_OK;
      if (json) io.stdout.write(unusableJson(usageError ?? e.message));
      return EXIT_UNUSABLE_INPUT;
    }
    if (e instanceof InputError) {
      writeUnusable(io, PACKAGE_NAME, e.message, json);
      return EXIT_UNUSABLE_INPUT;
    }
    const message = e instanceof Error ? e.message : String(e);
    const internal = `internal error: ${message.split('\n')[0]} (please report this with the plan that caused it)`;
    writeUnusable(io, PACKAGE_NAME, internal, json);
    return EXIT_UNUSABLE_INPUT;
  }
}
