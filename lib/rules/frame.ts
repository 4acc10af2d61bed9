/**
 * The rule frame every rule uses: a rule is its id (typed: a typo does not compile) and a check
 * over one cluster, pool or service (or the whole model); its severity and description come from
 * the rule documentation (lib/rules/docs), the one place they are written. No cdktf imports.
 *
 * ```ts
 * export const dnsPrefix = clusterRule('cluster/dns-prefix', (cluster, r) => {
 *   const v = r.need(cluster, 'dns_prefix', asString(cluster.dnsPrefix));
 *   if (!v.ok) return v.stop;
 *   if (v.value !== undefined && !DNS_PREFIX_PATTERN.test(v.value)) return r.report(cluster, `...`, `...`);
 * });
 * ```
 */
import { isUnknown, type ClusterModel, type Located, type NodePoolModel } from '../model';
import type { PlanModel, ServiceModel, Unknown, Value, CheckContext } from '../model';
import type { RuleId } from './catalogue';
import { ruleDoc } from './docs';
import { finding, skipped } from './finding';
import type { Finding, Rule, Severity } from './types';

/** A value, or the finding that stops the rule (none when another rule already reports the problem). */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly stop: Finding[] };

/** What a rule's check receives besides the element: the model, the context, and finding makers. */
export interface RuleApi {
  readonly model: PlanModel;
  readonly context: CheckContext;
  /** A finding at the rule's severity about `el` (the rule id is prefixed to the message). */
  report(el: Located, message: string, fix: string): Finding;
  /** The warning a rule gives instead of running when `attribute` is an unresolved expression. */
  skip(el: Located, attribute: string, value: Unknown): Finding;
  /**
   * The value, or what stops the rule: an unresolved expression gives a skipped-rule warning; a value
   * Terraform cannot convert gives a `document/type` error; a value already reported gives nothing.
   */
  need<T>(el: Located, attribute: string, v: Value<T>): Outcome<T | undefined>;
}

type Result = Finding | readonly Finding[] | undefined | void;

/** Appends a check's result to `out` (no intermediate arrays: rules run once per element). */
function collect(out: Finding[], r: Result): void {
  if (r === undefined) return;
  if (Array.isArray(r)) {
    for (const f of r as readonly Finding[]) out.push(f);
  } else out.push(r as Finding);
}

function each<T>(items: readonly T[], run: (item: T) => Result): Finding[] {
  const out: Finding[] = [];
  for (const item of items) collect(out, run(item));
  return out;
}

/** The severity of a rule id, from its documentation. */
export function severityOf(id: string): Severity {
  return ruleDoc(id)?.severity ?? 'error';
}

/** The `document/type` error for a value Terraform cannot convert. */
export function typeError(el: Located, attribute: string, u: Unknown): Finding {
  return finding(
    'document/type',
    'error',
    el,
    `${attribute} is ${u.expression}, ${u.reason ?? 'a value of the wrong type'}`,
    `set ${attribute} to a value of the type the provider expects`,
  );
}

function api(id: RuleId, model: PlanModel, context: CheckContext): RuleApi {
  const severity = severityOf(id);
  return {
    model,
    context,
    report: (el, message, fix) => finding(id, severity, el, message, fix),
    skip: (el, attribute, value) => skipped(id, el, attribute, value),
    need<T>(el: Located, attribute: string, v: Value<T>): Outcome<T | undefined> {
      if (!isUnknown(v)) return { ok: true, value: v };
      if (v.cause === 'shape') return { ok: false, stop: [] };
      if (v.cause === 'wrong-type') return { ok: false, stop: [typeError(el, attribute, v)] };
      return { ok: false, stop: [skipped(id, el, attribute, v)] };
    },
  };
}

function define(id: RuleId, run: (r: RuleApi) => Finding[]): Rule {
  const doc = ruleDoc(id);
  return {
    id,
    severity: severityOf(id),
    description: doc?.summary ?? id,
    check: (model, context) => run(api(id, model, context)),
  };
}

/** A rule over the whole model (cross-element checks such as overlaps). */
export function modelRule(id: RuleId, check: (r: RuleApi) => Result): Rule {
  return define(id, (r) => each([r], check));
}

/** A rule run once per cluster. */
export function clusterRule(id: RuleId, check: (cluster: ClusterModel, r: RuleApi) => Result): Rule {
  return define(id, (r) => each(r.model.clusters, (c) => check(c, r)));
}

const links = new WeakMap<PlanModel, { pools: (ClusterModel | undefined)[]; services: (ClusterModel | undefined)[] }>();

/** The cluster of every pool and service of a model, in order, computed once per model. */
function linksOf(model: PlanModel): { pools: (ClusterModel | undefined)[]; services: (ClusterModel | undefined)[] } {
  let l = links.get(model);
  if (!l) {
    const byAddress = new Map(model.clusters.map((c) => [c.address, c]));
    const find = (a: string | undefined) => (a === undefined ? undefined : byAddress.get(a));
    l = {
      pools: model.nodePools.map((p) => find(p.clusterAddress)),
      services: model.services.map((s) => find(s.clusterAddress)),
    };
    links.set(model, l);
  }
  return l;
}

/** A rule run once per node pool (default pools included), with its cluster when the document links it. */
export function poolRule(
  id: RuleId,
  check: (pool: NodePoolModel, cluster: ClusterModel | undefined, r: RuleApi) => Result,
): Rule {
  return define(id, (r) => {
    const clusters = linksOf(r.model).pools;
    const out: Finding[] = [];
    r.model.nodePools.forEach((p, i) => collect(out, check(p, clusters[i], r)));
    return out;
  });
}

/** A rule run once per Kubernetes service, with its cluster when the document links it. */
export function serviceRule(
  id: RuleId,
  check: (service: ServiceModel, cluster: ClusterModel | undefined, r: RuleApi) => Result,
): Rule {
  return define(id, (r) => {
    const clusters = linksOf(r.model).services;
    const out: Finding[] = [];
    r.model.services.forEach((s, i) => collect(out, check(s, clusters[i], r)));
    return out;
  });
}
