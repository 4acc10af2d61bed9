/**
 * Small constructors for findings, shared by every rule file so that all findings have the same
 * form. No cdktf imports.
 *
 * Usage inside a rule:
 * ```ts
 * import { error, warning, skipped } from './finding';
 * const rule: Rule = { id: 'network/cidr-syntax', severity: 'error', description: '...', check(model) {
 *   const out: Finding[] = [];
 *   for (const c of model.clusters) {
 *     if (isUnknown(c.networkProfile.podCidr)) out.push(skipped(rule, c, 'network_profile.pod_cidr', c.networkProfile.podCidr));
 *     else out.push(error(rule, c, `pod range ${x} has host bits set`, `use ${y}`));
 *   }
 *   return out;
 * } };
 * ```
 * - `message` is given without the rule id: the constructors prefix `<ruleId>: `
 *   (a message that already starts with the id is kept as it is).
 * - `el` is any model element (cluster, pool, subnet, service, ...): its `address` and `path`
 *   are copied into the finding.
 */
import type { Located, Unknown } from '../model';
import { cut } from './text';
import type { Finding, Severity } from './types';

/** A rule, or just its id. */
export type RuleRef = { readonly id: string } | string;

function idOf(rule: RuleRef): string {
  return typeof rule === 'string' ? rule : rule.id;
}

function prefixed(id: string, message: string): string {
  return message.startsWith(`${id}: `) ? message : `${id}: ${message}`;
}

/**
 * A finding of the given severity about `el`.
 * @param rule the rule (or its id) that found it
 * @param el the model element at fault; its address and construct path locate the finding
 * @param message what is wrong, naming the value (the rule id prefix is added)
 * @param fix how to fix it, with a concrete value where possible
 */
export function finding(rule: RuleRef, severity: Severity, el: Located, message: string, fix: string): Finding {
  const id = idOf(rule);
  const f: Finding = { ruleId: id, severity, address: el.address, message: prefixed(id, message), fix };
  return el.path !== undefined ? { ...f, path: el.path } : f;
}

/** How to have a skipped rule run: the ways that fit what the value is. */
function skipFix(id: string, what: string, reason: string | undefined): string {
  const ways = [`write ${what} as a literal value`];
  if (reason?.includes('check context')) ways.push('pass it in the check context');
  if (reason?.startsWith('a variable ('))
    ways.push("give the variable a value (--var, --var-file, or the check context's variables)");
  // a value that is unknown in a plan stays unknown in it
  if (!(reason !== undefined && /after apply|sensitive value|from the plan/.test(reason)))
    ways.push('check the plan (terraform show -json), where Terraform has evaluated it');
  return `${id} did not run; ${ways.join(', or ')}`;
}

/**
 * The warning a rule emits instead of running when a value it needs is unknown (an unresolved
 * Terraform expression, or a value of the wrong type). Always `severity: 'warning'`, `skipped: true`.
 * @param what the attribute that is unknown, e.g. `network_profile.pod_cidr`
 * @param value the Unknown (its expression and reason are quoted), or the expression text
 */
export function skipped(rule: RuleRef, el: Located, what: string, value: Unknown | string): Finding {
  const id = idOf(rule);
  // an expression can be any length: cut, with its length shown; so is every long word of the reason,
  // which may name the expression's parts (`a variable (var.<name>)`)
  const expression = cut(typeof value === 'string' ? value : value.expression, 100);
  const reason = typeof value === 'string' ? undefined : value.reason;
  const why =
    reason === undefined
      ? 'an expression that cannot be resolved inside this document'
      : cut(
          reason.replace(/[^\s']{101,}/g, (w) => cut(w, 100)),
          200,
        );
  return {
    ...finding(id, 'warning', el, `skipped: ${what} is ${expression}, ${why}`, skipFix(id, what, reason)),
    skipped: true,
  };
}
