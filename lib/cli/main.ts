#!/usr/bin/env node
/**
 * The `cdktf-aks-overlay` executable: `check` and `report` over synthesized plans.
 * See {@link run} for the exit codes.
 */
import { EXIT_UNUSABLE_INPUT } from './errors';
import { run } from './program';
import { PACKAGE_NAME } from './version';

// A closed pipe (`... | head`) is not an error of ours: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  // run() reports its own errors; this is the last resort (e.g. writing to stderr failed)
  (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`${PACKAGE_NAME}: internal error: ${message.split('\n')[0]}\n`);
    process.exitCode = EXIT_UNUSABLE_INPUT;
  },
);
