/**
 * The values a document's input variables have for the rules: those the check context gives
 * (`-var`, `-var-file`, tfvars), never a `default`, and never a secret one: a variable declared
 * `sensitive`, or read by any secret attribute of the document (a password, a client secret).
 * Pure; no cdktf imports.
 */
import { isObj } from './expand';
import { variablesReadBySecrets } from './reading';

/** The input variables of one document, as the rules may read them. */
export class VariableValues {
  /** Variables declared `sensitive = true`. */
  private readonly sensitive = new Set<string>();
  /** Variables a secret attribute reads (computed once, when a value is first asked for). */
  private secret: Set<string> | undefined;

  /**
   * @param document the Terraform JSON document (its `variable` blocks and secret attributes are read)
   * @param given the values the check context gives, by name
   */
  constructor(
    private readonly document: unknown,
    private readonly given: Readonly<Record<string, unknown>> | undefined,
  ) {
    const declared = isObj(document) ? document.variable : undefined;
    const blocks = Array.isArray(declared) ? declared : [declared];
    for (const block of blocks) {
      if (!isObj(block)) continue;
      for (const [name, raw] of Object.entries(block)) {
        const body: unknown = Array.isArray(raw) ? raw[0] : raw;
        if (isObj(body) && body.sensitive !== undefined && body.sensitive !== false) this.sensitive.add(name);
      }
    }
  }

  /** The value given for `name`, or undefined when none is given or it is withheld as a secret. */
  get(name: string): { value: unknown } | undefined {
    const given = this.given;
    if (given === undefined || !Object.prototype.hasOwnProperty.call(given, name) || this.sensitive.has(name))
      return undefined;
    this.secret ??= variablesReadBySecrets(this.document);
    return this.secret.has(name) ? undefined : { value: given[name] };
  }
}
