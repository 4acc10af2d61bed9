/**
 * Rule selection for `check`: `--only` and `--skip` (or `only` / `skip` in the config file) take
 * rule ids or group prefixes such as `network/`. Findings about the document itself
 * (`document/*`) are always kept. No cdktf imports.
 */
import { knownRuleIds } from '../rules/suppressions';
import { InputError } from './errors';

/** Which rules run: `only` (when given) narrows, `skip` removes. */
export interface RuleSelection {
  /**
   * Rule ids or group prefixes (`network/`) to keep.
   * @default every rule
   */
  readonly only?: readonly string[];
  /**
   * Rule ids or group prefixes to drop.
   * @default none
   */
  readonly skip?: readonly string[];
}

/** The groups of the known rule ids, e.g. `network/`. */
function groups(): Set<string> {
  return new Set([...knownRuleIds()].map((id) => `${id.split('/')[0]}/`));
}

/**
 * Splits and checks `--only` / `--skip` values: comma-separated, repeatable; `network`,
 * `network/` and `network/*` all mean the group.
 * @param label the option or config key, for messages, e.g. `--only`
 * @throws InputError naming `label` for an entry that is neither a rule id nor a group
 */
export function parseRuleList(label: string, values: readonly string[]): string[] {
  const ids = knownRuleIds();
  const known = groups();
  const out: string[] = [];
  for (const raw of values.flatMap((v) => v.split(','))) {
    const v = raw.trim().replace(/\/\*$/, '/');
    if (v === '') {
      throw new InputError(`${label}: an empty rule id (expected ids or groups such as network/, comma-separated)`);
    }
    if (ids.has(v)) out.push(v);
    else if (known.has(v) || known.has(`${v}/`)) out.push(v.endsWith('/') ? v : `${v}/`);
    else {
      const groupsText = [...known].join(', ');
      const why = `is neither a rule id nor a group (groups: ${groupsText}; \`cdktf-aks-overlay rules\` lists the ids)`;
      throw new InputError(`${label}: '${raw.trim()}' ${why}`);
    }
  }
  return out;
}

function matchesAny(ruleId: string, entries: readonly string[]): boolean {
  return entries.some((e) => (e.endsWith('/') ? ruleId.startsWith(e) : ruleId === e));
}

/** A predicate: does a finding (or suppression) of `ruleId` count under this selection? */
export function ruleFilter(selection: RuleSelection): (ruleId: string) => boolean {
  const { only, skip } = selection;
  return (ruleId) => {
    if (ruleId.startsWith('document/')) return true;
    if (only !== undefined && only.length > 0 && !matchesAny(ruleId, only)) return false;
    return skip === undefined || !matchesAny(ruleId, skip);
  };
}
