/**
 * Cluster rules: `cluster/dns-prefix`, `cluster/name`, `cluster/kubernetes-version`. No cdktf imports.
 */
import { CLUSTER_NAME_PATTERN, DNS_PREFIX_PATTERN, parseKubernetesVersion } from '../../facts';
import { asString, isUnknown, type Located, type Value } from '../../model';
import { clusterRule, poolRule, type RuleApi } from '../frame';
import { sanitizeName } from '../text';
import type { Finding, Rule } from '../types';

/** Checks a name attribute; an unresolved name (a variable, `random_pet`, a template) is not worth a warning. */
function nameCheck(
  r: RuleApi,
  el: Located,
  attribute: string,
  raw: Value<unknown>,
  bad: (v: string) => Finding | undefined,
): Finding[] {
  const v = asString(raw);
  if (v === undefined) return [];
  if (isUnknown(v)) {
    const need = r.need(el, attribute, v);
    return v.cause === 'wrong-type' && !need.ok ? need.stop : [];
  }
  const f = bad(v);
  return f ? [f] : [];
}

const show = (v: string): string => (v.length > 80 ? `${v.slice(0, 77)}... (${v.length} characters)` : v);

const dnsPrefix = clusterRule('cluster/dns-prefix', (c, r) =>
  nameCheck(r, c, 'dns_prefix', c.dnsPrefix, (v) =>
    DNS_PREFIX_PATTERN.test(v)
      ? undefined
      : r.report(
          c,
          `dns_prefix '${show(v)}' is not 1-54 letters, digits and '-' starting and ending with a letter or digit`,
          `use a dns_prefix such as '${sanitizeName(v, 'a-zA-Z0-9-', 54, 'aks')}'`,
        ),
  ),
);

const clusterName = clusterRule('cluster/name', (c, r) =>
  nameCheck(r, c, 'name', c.name, (v) =>
    CLUSTER_NAME_PATTERN.test(v)
      ? undefined
      : r.report(
          c,
          `cluster name '${show(v)}' is not 1-63 letters, digits, '-' and '_' starting and ending with a letter or digit`,
          `use a name such as '${sanitizeName(v, 'a-zA-Z0-9_-', 63, 'aks')}'`,
        ),
  ),
);

function versionFinding(r: RuleApi, el: Located, attribute: string, raw: Value<unknown>): Finding[] {
  const v = r.need(el, attribute, asString(raw));
  if (!v.ok) return v.stop;
  if (v.value === undefined || parseKubernetesVersion(v.value) !== undefined) return [];
  const digits = /\d+\.\d+(?:\.\d+)?/.exec(v.value.slice(0, 100));
  return [
    r.report(
      el,
      `${attribute} '${show(v.value)}' is not MAJOR.MINOR or MAJOR.MINOR.PATCH`,
      `write the version as digits and dots only, e.g. '${digits ? digits[0] : '1.33'}'`,
    ),
  ];
}

const kubernetesVersion = clusterRule('cluster/kubernetes-version', (c, r) =>
  versionFinding(r, c, 'kubernetes_version', c.kubernetesVersion),
);
const poolVersion = poolRule('cluster/kubernetes-version', (p, _c, r) =>
  versionFinding(r, p, 'orchestrator_version', p.orchestratorVersion),
);

/** A version written as a JSON number whose string form has a one-digit minor: 1.30 in JSON is 1.3. */
function numberWarning(r: RuleApi, el: Located, attribute: string, raw: Value<unknown>): Finding[] {
  if (typeof raw !== 'number' || !/^\d+\.\d$/.test(String(raw))) return [];
  const text = String(raw);
  return [
    r.report(
      el,
      `${attribute} is the number ${text}, which Terraform sends as the string '${text}'; if you meant ${text}0, the number lost its trailing zero`,
      `write ${attribute} as a string, e.g. "${text}0" or "${text}"`,
    ),
  ];
}

const versionNumber = clusterRule('cluster/kubernetes-version-number', (c, r) =>
  numberWarning(r, c, 'kubernetes_version', c.kubernetesVersion),
);
const poolVersionNumber = poolRule('cluster/kubernetes-version-number', (p, _c, r) =>
  numberWarning(r, p, 'orchestrator_version', p.orchestratorVersion),
);

/** The cluster rules, in catalogue order. */
export const clusterRules: Rule[] = [
  dnsPrefix,
  clusterName,
  { ...kubernetesVersion, check: (m, ctx) => [...kubernetesVersion.check(m, ctx), ...poolVersion.check(m, ctx)] },
  { ...versionNumber, check: (m, ctx) => [...versionNumber.check(m, ctx), ...poolVersionNumber.check(m, ctx)] },
];
