/**
 * HCL to Terraform JSON with `@cdktn/hcl2json`, loaded only when a `.tf` or `.tfvars` file is met
 * (2.3 MB, about 65 ms to load). No cdktf imports.
 */
import * as path from 'path';
import { printable } from './document';
import { InputError } from './errors';

/** The HCL-to-JSON converter, loaded on first use. */
let hcl: Promise<{ parse(filename: string, contents: string): Promise<Record<string, unknown>> }> | undefined;

/** Converts one `.tf` file's text to Terraform JSON (hcl2json's shape: every block body a one-element list). */
export async function convertHcl(file: string, text: string): Promise<Record<string, unknown>> {
  hcl ??= import('@cdktn/hcl2json');
  let parse: (typeof import('@cdktn/hcl2json'))['parse'];
  try {
    parse = (await hcl).parse.bind(undefined);
  } catch (e) {
    hcl = undefined;
    throw new InputError(
      `${file}: cannot read .tf files: the package @cdktn/hcl2json could not be loaded (${printable(
        String(e instanceof Error ? e.message : e).split('\n')[0],
      )})`,
    );
  }
  try {
    return await parse(path.basename(file), text);
  } catch (e) {
    const message =
      String(e instanceof Error ? e.message : e)
        .split('\n')
        .find((l) => l.trim() !== '') ?? 'a syntax error';
    const shown = message.trim();
    throw new InputError(
      `${file}: not valid HCL: ${printable(shown.length > 200 ? `${shown.slice(0, 197)}...` : shown)}`,
    );
  }
}
