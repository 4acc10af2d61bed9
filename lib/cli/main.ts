#!/usr/bin/env node
/**
 * The `cdktf-aks-overlay` executable: `check` and `report` over synthesized plans.
 * See {@link run} for the exit codes.
 */
import { run } from './program';

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() })
  .then((code) => {
    process.exitCode = code;
  });
