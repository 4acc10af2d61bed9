/**
 * The one error type of the CLI (input it cannot use), its exit codes, and how it is reported.
 * No cdktf imports.
 */
import { printable } from './escape';

/**
 * Input the CLI cannot use: a missing path, a file that is not JSON, JSON that is not a
 * Terraform document, a malformed option. The CLI prints `message` as one line on stderr and
 * exits with {@link EXIT_UNUSABLE_INPUT}; never a stack trace.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Exit code: no error findings (warnings allowed, unless `--warnings-as-errors`). */
export const EXIT_OK = 0;
/** Exit code: at least one error finding. */
export const EXIT_FINDINGS = 1;
/** Exit code: unusable input (missing path, not JSON, not a Terraform document, bad option). */
export const EXIT_UNUSABLE_INPUT = 2;

/** Where {@link writeUnusable} writes. */
export interface ErrorStreams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * Reports unusable input: one printable line on stderr, `PROGRAM: MESSAGE` (control characters
 * escaped, so a name or path from the input can neither break the line nor reach the terminal);
 * with `json`, also `{ "exitCode": 2, "error": MESSAGE }` on stdout so that a CI caller of
 * `--format json` always has JSON to parse.
 * @param program the program name to start the line with
 * @param message the error, e.g. `x.json: not JSON: ...`
 * @param json whether `--format json` was asked for
 */
export function writeUnusable(streams: ErrorStreams, program: string, message: string, json: boolean): void {
  streams.stderr.write(`${program}: ${printable(message)}\n`);
  if (json) streams.stdout.write(unusableJson(message));
}

/** The JSON of unusable input for `--format json`: `{ "exitCode": 2, "error": MESSAGE }` and a newline. */
export function unusableJson(message: string): string {
  return `${JSON.stringify({ exitCode: EXIT_UNUSABLE_INPUT, error: message }, null, 2)}\n`;
}

/**
 * Whether the arguments ask for `--format json` (`--format json` or `--format=json`), looked up
 * before commander has parsed them, so that a usage error can be reported as JSON too.
 */
export function asksForJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  return args.some((a, i) => a === '--format=json' || (a === '--format' && args[i + 1] === 'json'));
}
