#!/usr/bin/env node
/**
 * The `cdktf-aks-overlay` executable: `check` and `report` over synthesized plans.
 * See {@link run} for the exit codes.
 */
import { run } from './program';

// A closed pipe (`... | head`) is not an error of ours: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() })
  .then((code) => {
    process.exitCode = code;
  });
