/**
 * What the CLI writes to and reads besides argv (injected, so commands run in-process in tests).
 * No cdktf imports.
 */

/** Where the CLI writes and what it reads besides argv. */
export interface CliIo {
  /** Standard output; `isTTY` (default false) enables colours. */
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  /** Standard error: one line per unusable input. */
  readonly stderr: { write(text: string): unknown };
  /** The environment: `NO_COLOR`, `FORCE_COLOR`, `TERM`. */
  readonly env: NodeJS.ProcessEnv;
  /** The directory relative paths (and the default `./cdktf.out`) resolve against. */
  readonly cwd: string;
}
