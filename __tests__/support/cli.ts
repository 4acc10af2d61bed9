/**
 * Runs the CLI IN-PROCESS through `run(argv, io)` (lib/cli/program.ts) with captured streams:
 * the same parsing, files, output and exit code as the bin, without a Node process per case.
 * The bin itself (dist/lib/cli/main.js: process streams, environment, cwd, exit code) has a few
 * end-to-end tests through `runCli` (a child process), re-exported here with the fixture helpers.
 */
import { run } from '../../lib/cli/program';
import { ROOT } from '../fixtures/plans/run-cli';

export { CLI, lines, plan, PLANS, requireBuiltCli, ROOT, runCli, tempDir } from '../fixtures/plans/run-cli';

/** What an in-process CLI run produced. */
export interface CliRun {
  /** The exit code `run` returned (0 ok, 1 error findings, 2 unusable input). */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link cli}. */
export interface CliOptions {
  /** The working directory relative paths resolve against. @default the repository root */
  readonly cwd?: string;
  /** Extra environment variables; NO_COLOR and FORCE_COLOR of the test process are removed unless given. */
  readonly env?: Record<string, string>;
  /** Whether stdout is a terminal. @default false (a pipe, as for a child process) */
  readonly isTTY?: boolean;
}

/**
 * Runs `cdktf-aks-overlay ...args` in this process.
 * @returns the exit code and everything written to stdout and stderr
 */
export async function cli(args: readonly string[], opts: CliOptions = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: opts.isTTY ?? false },
    stderr: { write: (text: string) => (stderr += text) },
    env: { ...env, ...opts.env },
    cwd: opts.cwd ?? ROOT,
  });
  return { code, stdout, stderr };
}
