/**
 * The IP families a Kubernetes service asks for and the ones its cluster has. No cdktf imports.
 */
import type { IpFamily } from '../../net';
import { asList, asString, effectiveNetwork, familiesOf, isUnknown, unknown } from '../../model';
import type { ClusterModel, ServiceModel, Unknown } from '../../model';
import { finding } from '../finding';
import type { Outcome, RuleApi } from '../frame';
import { cut } from '../text';
import type { Finding } from '../types';

/** The families of a service's cluster and where they come from, or why they are not known. */
export type ClusterFamilies =
  { known: true; families: readonly IpFamily[]; source: string } | { known: false; unknown: Unknown };

/** The IP families of the cluster a service runs on: from the document, else the check context. */
export function serviceClusterFamilies(
  r: RuleApi,
  service: ServiceModel,
  cluster: ClusterModel | undefined,
): ClusterFamilies {
  if (cluster) {
    const fams = familiesOf(effectiveNetwork(cluster));
    if (isUnknown(fams)) return { known: false, unknown: fams };
    return { known: true, families: fams ?? ['IPv4'], source: `cluster ${cluster.address}` };
  }
  const given = r.context.serviceClusterFamilies;
  const fromContext =
    given && Object.prototype.hasOwnProperty.call(given, service.address) ? given[service.address] : undefined;
  if (Array.isArray(fromContext)) {
    return {
      known: true,
      families: fromContext.filter((f): f is IpFamily => f === 'IPv4' || f === 'IPv6'),
      source: 'its cluster (check context)',
    };
  }
  const why = service.clusterUnknownReason ?? 'the cluster of its kubernetes provider is not in this document';
  return { known: false, unknown: unknown(service.provider ?? 'kubernetes', why) };
}

/**
 * The skipped-rule warning for a service whose cluster's families are unknown, naming the context key that fixes it.
 */
export function clusterFamiliesSkipped(r: RuleApi, id: string, service: ServiceModel, u: Unknown): Finding {
  if (service.clusterAddress !== undefined)
    return r.skip(service, `network_profile.ip_versions of ${service.clusterAddress}`, u);
  const why = cut(u.reason ?? `provider ${u.expression} is not configured from a cluster of this document`, 160);
  return {
    ...finding(
      id,
      'warning',
      service,
      `skipped: the IP families of the service's cluster are unknown: ${why}`,
      `pass the cluster's families in the check context, e.g. serviceClusterFamilies: { '${service.address}': ['IPv4', 'IPv6'] } (CLI: --service-families ${service.address}=IPv4,IPv6), or configure its kubernetes provider from a cluster of this document`,
    ),
    skipped: true,
  };
}

/** What a service asks for: its listed families (strings as written) and its family policy. */
export interface ServiceFamilies {
  readonly listed: readonly string[];
  readonly policy: string;
}

/** Reads `ip_families` and `ip_family_policy`. */
export function serviceFamilies(r: RuleApi, service: ServiceModel): Outcome<ServiceFamilies> {
  const list = r.need(service, 'spec.ip_families', asList(service.ipFamilies));
  if (!list.ok) return list;
  const listed: string[] = [];
  for (const item of list.value ?? []) {
    const s = r.need(service, 'spec.ip_families', asString(item));
    if (!s.ok) return s;
    if (s.value !== undefined) listed.push(s.value);
  }
  const policy = r.need(service, 'spec.ip_family_policy', asString(service.ipFamilyPolicy));
  if (!policy.ok) return policy;
  return { ok: true, value: { listed, policy: policy.value ?? 'SingleStack' } };
}

/** `service 'web'`, or the address when the name is not a literal. */
export function serviceLabel(service: ServiceModel): string {
  return typeof service.name === 'string' ? `service '${cut(service.name, 63)}'` : `service ${service.address}`;
}
