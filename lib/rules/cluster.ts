/**
 * Cluster rules of RULES.md: `cluster/dns-prefix`, `cluster/name`, `cluster/kubernetes-version`.
 * Pure functions model -> findings; no cdktf imports.
 */
import type { PlanModel } from '../model';
import type { Rule } from './types';
import { checkString, sanitizeName } from './values';

/** `dns_prefix` as azurerm validates it: 2-54 characters, letters, digits and `-`, alphanumeric at both ends. */
export const DNS_PREFIX_PATTERN = /^[a-zA-Z0-9][-a-zA-Z0-9]{0,52}[a-zA-Z0-9]$/;
/** An AKS cluster name: 1-63 characters of letters, digits, `-` and `_`, alphanumeric at both ends. */
export const CLUSTER_NAME_PATTERN = /^[a-zA-Z0-9]([-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
/** `MAJOR.MINOR` or `MAJOR.MINOR.PATCH`. */
export const KUBERNETES_VERSION_PATTERN = /^\d+\.\d+(\.\d+)?$/;

const dnsPrefix: Rule = {
  id: 'cluster/dns-prefix',
  severity: 'error',
  description: 'dns_prefix matches ^[a-zA-Z0-9][-a-zA-Z0-9]{0,52}[a-zA-Z0-9]$ (2-54 characters)',
  check: (model: PlanModel) =>
    model.clusters.flatMap((c) =>
      checkString(dnsPrefix, c, 'dns_prefix', c.dnsPrefix, "e.g. 'aks-prod'", (v) => {
        if (DNS_PREFIX_PATTERN.test(v)) return undefined;
        let suggestion = sanitizeName(v, 'a-zA-Z0-9-', 54, 'aks');
        if (suggestion.length < 2) suggestion = `${suggestion}-aks`;
        return {
          message: `dns_prefix '${v}' is not 2-54 letters, digits and '-' starting and ending with a letter or digit`,
          fix: `use a dns_prefix such as '${suggestion}'`,
        };
      }),
    ),
};

const clusterName: Rule = {
  id: 'cluster/name',
  severity: 'error',
  description: 'the cluster name is 1-63 letters, digits, - and _, starting and ending with a letter or digit',
  check: (model: PlanModel) =>
    model.clusters.flatMap((c) =>
      checkString(clusterName, c, 'name', c.name, "e.g. 'aks-prod'", (v) =>
        CLUSTER_NAME_PATTERN.test(v)
          ? undefined
          : {
              message: `cluster name '${v}' is not 1-63 letters, digits, '-' and '_' starting and ending with a letter or digit`,
              fix: `use a name such as '${sanitizeName(v, 'a-zA-Z0-9_-', 63, 'aks')}'`,
            },
      ),
    ),
};

function versionProblem(attribute: string): (v: string) => { message: string; fix: string } | undefined {
  return (v) => {
    if (KUBERNETES_VERSION_PATTERN.test(v)) return undefined;
    const digits = /\d+\.\d+(?:\.\d+)?/.exec(v);
    return {
      message: `${attribute} '${v}' is not MAJOR.MINOR or MAJOR.MINOR.PATCH`,
      fix: `write the version as digits and dots only, e.g. '${digits ? digits[0] : '1.33'}'`,
    };
  };
}

const kubernetesVersion: Rule = {
  id: 'cluster/kubernetes-version',
  severity: 'error',
  description: 'kubernetes_version (and a node pool orchestrator_version) is MAJOR.MINOR or MAJOR.MINOR.PATCH',
  check: (model: PlanModel) => [
    ...model.clusters.flatMap((c) =>
      checkString(kubernetesVersion, c, 'kubernetes_version', c.kubernetesVersion, "e.g. '1.33'", versionProblem('kubernetes_version'))),
    ...model.nodePools.flatMap((p) =>
      checkString(kubernetesVersion, p, 'orchestrator_version', p.orchestratorVersion, "e.g. '1.33'", versionProblem('orchestrator_version'))),
  ],
};

/** The cluster rules, in catalogue order. */
export const clusterRules: Rule[] = [dnsPrefix, clusterName, kubernetesVersion];
