/**
 * Kubernetes service rules of RULES.md (`service/*`), over `kubernetes_service_v1` and
 * `kubernetes_service` resources. Pure functions model -> findings; no cdktf imports.
 *
 * A service's cluster is the cluster its kubernetes provider's `host` references in the
 * document; when the document cannot say, `context.serviceClusterFamilies[service address]`.
 */
import type { IpFamily } from '../net';
import type { PlanModel, ServiceModel, Unknown } from '../model';
import { effectiveNetwork, familiesOf } from '../model';
import { isUnknown, unknown } from '../model';
import type { CheckContext, Finding, Rule } from './types';
import { error, finding, skipped } from './finding';
import { readInteger, readList, readString, sanitizeName, show } from './values';

/** A DNS-1035 label (Kubernetes service names). */
export const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** The longest DNS-1035 label. */
export const DNS_1035_MAX_LENGTH = 63;

/** The skipped-rule warning for a service whose cluster's families are unknown, with the context key that fixes it. */
function clusterFamiliesSkipped(rule: Rule, service: ServiceModel, u: Unknown): Finding {
  if (service.clusterAddress !== undefined) return skipped(rule, service, `network_profile.ip_versions of ${service.clusterAddress}`, u);
  const why = u.reason ?? `provider ${u.expression} is not configured from a cluster of this document`;
  return {
    ...finding(rule, 'warning', service, `skipped: the IP families of the service's cluster are unknown: ${why}`,
      `pass the cluster's families in the check context, e.g. serviceClusterFamilies: { '${service.address}': ['IPv4', 'IPv6'] } (CLI: --service-families ${service.address}=IPv4,IPv6), or configure its kubernetes provider from a cluster of this document`),
    skipped: true,
  };
}

/** The families of a service's cluster, or why they are not known. */
type ClusterFamilies = { known: true; families: readonly IpFamily[]; source: string } | { known: false; unknown: Unknown };

/** The IP families of the cluster a service runs on: from the document, else the check context. */
export function serviceClusterFamilies(model: PlanModel, context: CheckContext, service: ServiceModel): ClusterFamilies {
  const cluster = service.clusterAddress === undefined ? undefined : model.clusters.find((c) => c.address === service.clusterAddress);
  if (cluster) {
    const fams = familiesOf(effectiveNetwork(cluster));
    if (isUnknown(fams)) return { known: false, unknown: fams };
    return { known: true, families: fams ?? ['IPv4'], source: `cluster ${cluster.address}` };
  }
  const fromContext = context.serviceClusterFamilies?.[service.address];
  if (Array.isArray(fromContext)) {
    return { known: true, families: fromContext.filter((f): f is IpFamily => f === 'IPv4' || f === 'IPv6'), source: 'its cluster (check context)' };
  }
  const why = service.clusterUnknownReason ?? 'the cluster of its kubernetes provider is not in this document';
  return { known: false, unknown: unknown(service.provider ?? 'kubernetes', why) };
}

/** What a service asks for: its listed families (strings as written) and its family policy. */
interface ServiceFamilies {
  readonly listed: readonly string[];
  readonly policy: string;
}

/** Reads `ip_families` and `ip_family_policy`, or the finding that stops the rule. */
function serviceFamilies(rule: Rule, service: ServiceModel): ServiceFamilies | Finding {
  const list = readList(service.ipFamilies);
  if (list.kind === 'unknown') return skipped(rule, service, 'spec.ip_families', list.unknown);
  if (list.kind === 'wrong-type') return error(rule, service, `spec.ip_families is ${show(list.value)}, not a list`, 'set spec.ip_families to a list such as ["IPv6"]');
  const listed: string[] = [];
  for (const item of list.kind === 'ok' ? list.value : []) {
    if (isUnknown(item)) return skipped(rule, service, 'spec.ip_families', item);
    listed.push(typeof item === 'string' ? item : String(item));
  }
  const policy = readString(service.ipFamilyPolicy);
  if (policy.kind === 'unknown') return skipped(rule, service, 'spec.ip_family_policy', policy.unknown);
  if (policy.kind === 'wrong-type') return error(rule, service, `spec.ip_family_policy is ${show(policy.value)}, not a string`, "set spec.ip_family_policy to 'SingleStack', 'PreferDualStack' or 'RequireDualStack'");
  return { listed, policy: policy.kind === 'ok' ? policy.value : 'SingleStack' };
}

function isFinding(x: ServiceFamilies | Finding): x is Finding {
  return (x as Finding).ruleId !== undefined;
}

function serviceLabel(service: ServiceModel): string {
  return typeof service.name === 'string' ? `service '${service.name}'` : `service ${service.address}`;
}

const ipv6TrafficPolicy: Rule = {
  id: 'service/ipv6-traffic-policy',
  severity: 'error',
  description: 'an IPv6 or dual-stack LoadBalancer service uses external_traffic_policy = Local',
  check: (model, context) =>
    model.services.flatMap((service): Finding[] => {
      const type = readString(service.type);
      if (type.kind === 'unknown') return [skipped(ipv6TrafficPolicy, service, 'spec.type', type.unknown)];
      if (type.kind !== 'ok' || type.value !== 'LoadBalancer') return [];
      const fams = serviceFamilies(ipv6TrafficPolicy, service);
      if (isFinding(fams)) return [fams];
      let ipv6 = fams.listed.includes('IPv6');
      if (!ipv6 && (fams.policy === 'PreferDualStack' || fams.policy === 'RequireDualStack')) {
        const cluster = serviceClusterFamilies(model, context, service);
        if (!cluster.known) return [clusterFamiliesSkipped(ipv6TrafficPolicy, service, cluster.unknown)];
        ipv6 = cluster.families.includes('IPv6');
      }
      if (!ipv6) return [];
      const etp = readString(service.externalTrafficPolicy);
      if (etp.kind === 'unknown') return [skipped(ipv6TrafficPolicy, service, 'spec.external_traffic_policy', etp.unknown)];
      if (etp.kind === 'ok' && etp.value === 'Local') return [];
      const shown = etp.kind === 'absent' ? "omitted (Kubernetes' default 'Cluster')" : show(etp.value);
      return [error(ipv6TrafficPolicy, service, `IPv6 LoadBalancer ${serviceLabel(service)} has external_traffic_policy ${shown}; Azure Load Balancer's IPv6 health probes come from a link-local address that nodes cannot route to a pod, so traffic is silently dropped`, "set spec.external_traffic_policy = 'Local'")];
    }),
};

const familyNotInCluster: Rule = {
  id: 'service/family-not-in-cluster',
  severity: 'error',
  description: "a service's IP families are ones its cluster has",
  check: (model, context) =>
    model.services.flatMap((service): Finding[] => {
      const fams = serviceFamilies(familyNotInCluster, service);
      if (isFinding(fams)) return [fams];
      // IPv4 is in every AKS cluster: only IPv6 or a required second family needs the cluster.
      const needsIpv6 = fams.listed.filter((f) => f !== 'IPv4');
      const requiresDual = fams.policy === 'RequireDualStack';
      if (needsIpv6.length === 0 && !requiresDual) return [];
      const cluster = serviceClusterFamilies(model, context, service);
      if (!cluster.known) return [clusterFamiliesSkipped(familyNotInCluster, service, cluster.unknown)];
      const missing = [...new Set(needsIpv6.filter((f) => !cluster.families.includes(f as IpFamily)))];
      const out: Finding[] = [];
      const have = cluster.families.length > 0 ? cluster.families.join(', ') : 'none';
      if (missing.length > 0) {
        out.push(error(familyNotInCluster, service, `${serviceLabel(service)} asks for ${missing.map((f) => `'${f}'`).join(', ')} but ${cluster.source} has only ${have}; the service would stay pending`, `make the cluster dual-stack (network_profile.ip_versions = ["IPv4", "IPv6"]), or set spec.ip_families = ["IPv4"]`));
      } else if (requiresDual && !cluster.families.includes('IPv6')) {
        out.push(error(familyNotInCluster, service, `${serviceLabel(service)} has ip_family_policy 'RequireDualStack' but ${cluster.source} has only ${have}`, "make the cluster dual-stack, or set spec.ip_family_policy = 'SingleStack'"));
      }
      return out;
    }),
};

const serviceName: Rule = {
  id: 'service/name',
  severity: 'error',
  description: 'a service name is a DNS-1035 label of at most 63 characters',
  check: (model) =>
    model.services.flatMap((service): Finding[] => {
      const r = readString(service.name);
      if (r.kind === 'absent') return [];
      if (r.kind === 'unknown') return [skipped(serviceName, service, 'metadata.name', r.unknown)];
      if (r.kind === 'wrong-type') return [error(serviceName, service, `metadata.name is ${show(r.value)}, not a string`, "set metadata.name to a string such as 'web'")];
      const v = r.value;
      if (DNS_1035_LABEL.test(v) && v.length <= DNS_1035_MAX_LENGTH) return [];
      let suggestion = sanitizeName(v.toLowerCase(), 'a-z0-9-', DNS_1035_MAX_LENGTH, 'svc').replace(/^[0-9-]+/, '');
      if (suggestion === '') suggestion = 'svc';
      const why = v.length > DNS_1035_MAX_LENGTH ? `has ${v.length} characters (at most ${DNS_1035_MAX_LENGTH})` : 'is not a DNS-1035 label (lower-case letters, digits and -, starting with a letter, ending with a letter or digit)';
      return [error(serviceName, service, `service name '${v}' ${why}`, `use a name such as '${suggestion}'`)];
    }),
};

const PORT_MIN = 1;
const PORT_MAX = 65535;

/** Checks one port number attribute; `numericOnly` skips non-numeric strings (a named target port). */
function checkPort(service: ServiceModel, index: number, attribute: string, value: unknown, required: boolean, namedAllowed: boolean): Finding[] {
  const where = `spec.port[${index}].${attribute}`;
  if (namedAllowed && typeof value === 'string' && !/^\s*-?\d+\s*$/.test(value)) return [];
  const r = readInteger(value);
  switch (r.kind) {
    case 'absent':
      return required ? [error(servicePort, service, `${where} of ${serviceLabel(service)} is missing`, `set ${attribute} to a port from ${PORT_MIN} to ${PORT_MAX}, e.g. 80`)] : [];
    case 'unknown':
      return [skipped(servicePort, service, where, r.unknown)];
    case 'wrong-type':
      return [error(servicePort, service, `${where} of ${serviceLabel(service)} is ${show(r.value)}, not a port number`, `set ${attribute} to a whole number from ${PORT_MIN} to ${PORT_MAX}`)];
    case 'ok':
      if (r.value >= PORT_MIN && r.value <= PORT_MAX) return [];
      return [error(servicePort, service, `${where} ${r.value} of ${serviceLabel(service)} is outside ${PORT_MIN}-${PORT_MAX}`, `use a port from ${PORT_MIN} to ${PORT_MAX}${attribute === 'node_port' ? ', or omit node_port to let Kubernetes pick one' : ''}`)];
  }
}

const servicePort: Rule = {
  id: 'service/port',
  severity: 'error',
  description: 'service ports (port, a numeric target_port, node_port) are 1-65535',
  check: (model) =>
    model.services.flatMap((service) =>
      service.ports.flatMap((p, i) => [
        ...checkPort(service, i, 'port', p.port, true, false),
        ...checkPort(service, i, 'target_port', p.targetPort, false, true),
        ...checkPort(service, i, 'node_port', p.nodePort, false, false),
      ]),
    ),
};

/** The service/* rules, in catalogue order. */
export const serviceRules: Rule[] = [ipv6TrafficPolicy, familyNotInCluster, serviceName, servicePort];
