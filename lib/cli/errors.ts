/**
 * The one error type of the CLI: input it cannot use. No cdktf imports.
 */

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
