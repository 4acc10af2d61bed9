/**
 * Kubernetes service rules (`service/*`) over `kubernetes_service_v1` and `kubernetes_service`. A
 * service's cluster is the one its kubernetes provider's `host` references in the document; when the
 * document cannot say, `context.serviceClusterFamilies[service address]`. No cdktf imports.
 */
import { DNS_1035_LABEL, DNS_1035_MAX_LENGTH, NODE_PORT_RANGE, PORT_RANGE } from '../../facts';
import { asInteger, asString, type ServiceModel } from '../../model';
import type { IpFamily } from '../../net';
import { serviceRule, type RuleApi } from '../frame';
import { cut, sanitizeName } from '../text';
import type { Finding, Rule } from '../types';
import { clusterFamiliesSkipped, serviceClusterFamilies, serviceFamilies, serviceLabel } from './families';

const ipv6TrafficPolicy = serviceRule('service/ipv6-traffic-policy', (service, cluster, r) => {
  const type = r.need(service, 'spec.type', asString(service.type));
  if (!type.ok) return type.stop;
  if (type.value !== 'LoadBalancer') return [];
  const fams = serviceFamilies(r, service);
  if (!fams.ok) return fams.stop;
  let ipv6 = fams.value.listed.includes('IPv6');
  if (!ipv6 && (fams.value.policy === 'PreferDualStack' || fams.value.policy === 'RequireDualStack')) {
    const c = serviceClusterFamilies(r, service, cluster);
    if (!c.known) return clusterFamiliesSkipped(r, 'service/ipv6-traffic-policy', service, c.unknown);
    ipv6 = c.families.includes('IPv6');
  }
  if (!ipv6) return [];
  const etp = r.need(service, 'spec.external_traffic_policy', asString(service.externalTrafficPolicy));
  if (!etp.ok) return etp.stop;
  if (etp.value === 'Local') return [];
  const shown = etp.value === undefined ? "omitted (Kubernetes' default 'Cluster')" : `'${cut(etp.value, 40)}'`;
  return r.report(
    service,
    `IPv6 LoadBalancer ${serviceLabel(service)} has external_traffic_policy ${shown}; Azure Load Balancer's IPv6 health probes come from a link-local address, so traffic to an IPv6 service with 'Cluster' fails`,
    "set spec.external_traffic_policy = 'Local'",
  );
});

const familyNotInCluster = serviceRule('service/family-not-in-cluster', (service, cluster, r) => {
  const fams = serviceFamilies(r, service);
  if (!fams.ok) return fams.stop;
  // the kubernetes provider takes only IPv4 and IPv6 (`StringInSlice`): another value is no family at all
  const invalid = fams.value.listed.filter((f) => f !== 'IPv4' && f !== 'IPv6');
  if (invalid.length > 0) {
    const shown = invalid.map((f) => `'${cut(f, 20)}'`).join(', ');
    return r.report(
      service,
      `${serviceLabel(service)} has spec.ip_families ${shown}, which is not IPv4 or IPv6`,
      "write spec.ip_families as 'IPv4' and/or 'IPv6', spelled exactly so",
    );
  }
  // IPv4 is in every AKS cluster: only IPv6 or a required second family needs the cluster
  const needsIpv6 = fams.value.listed.filter((f) => f === 'IPv6');
  const requiresDual = fams.value.policy === 'RequireDualStack';
  if (needsIpv6.length === 0 && !requiresDual) return [];
  const c = serviceClusterFamilies(r, service, cluster);
  if (!c.known) return clusterFamiliesSkipped(r, 'service/family-not-in-cluster', service, c.unknown);
  const missing = [...new Set(needsIpv6.filter((f) => !c.families.includes(f as IpFamily)))];
  const have = c.families.length > 0 ? c.families.join(', ') : 'none';
  if (missing.length > 0) {
    return r.report(
      service,
      `${serviceLabel(service)} asks for ${missing.map((f) => `'${f}'`).join(', ')} but ${c.source} has only ${have}; the API server rejects it (422)`,
      'make the cluster dual-stack (network_profile.ip_versions = ["IPv4", "IPv6"]), or set spec.ip_families = ["IPv4"]',
    );
  }
  if (requiresDual && !c.families.includes('IPv6')) {
    return r.report(
      service,
      `${serviceLabel(service)} has ip_family_policy 'RequireDualStack' but ${c.source} has only ${have}`,
      "make the cluster dual-stack, or set spec.ip_family_policy = 'SingleStack'",
    );
  }
  return [];
});

const serviceName = serviceRule('service/name', (service, _cluster, r) => {
  const name = asString(service.name);
  if (typeof name !== 'string') return []; // absent, or an expression: not worth a warning
  if (DNS_1035_LABEL.test(name) && name.length <= DNS_1035_MAX_LENGTH) return [];
  const suggestion =
    sanitizeName(name.toLowerCase(), 'a-z0-9-', DNS_1035_MAX_LENGTH, 'svc').replace(/^[0-9-]+/, '') || 'svc';
  const why =
    name.length > DNS_1035_MAX_LENGTH
      ? `has ${name.length} characters (at most ${DNS_1035_MAX_LENGTH})`
      : 'is not a DNS-1035 label (lower-case letters, digits and -, starting with a letter, ending with a letter or digit)';
  return r.report(service, `service name '${cut(name, 80)}' ${why}`, `use a name such as '${suggestion}'`);
});

/**
 * Checks one port attribute; `named` allows a non-numeric string (a named target port); `zeroUnset` reads 0
 * as unset (a `node_port` of 0 is allocated: provider `IsPortNumberOrZero`; a `target_port` of 0 defaults
 * to `port`).
 */
function checkPort(
  r: RuleApi,
  service: ServiceModel,
  where: string,
  raw: unknown,
  range: readonly [number, number],
  named: boolean,
  zeroUnset = false,
): Finding[] {
  if (named && typeof raw === 'string' && !/^\s*-?\d+\s*$/.test(raw)) return [];
  const v = r.need(service, where, asInteger(raw));
  if (!v.ok) return v.stop;
  if (v.value === undefined || (zeroUnset && v.value === 0) || (v.value >= range[0] && v.value <= range[1])) return [];
  const hint = where.endsWith('node_port')
    ? ' (the API server NodePort range), or omit node_port to let Kubernetes pick one'
    : '';
  return [
    r.report(
      service,
      `${where} ${v.value} of ${serviceLabel(service)} is outside ${range[0]}-${range[1]}`,
      `use a port from ${range[0]} to ${range[1]}${hint}`,
    ),
  ];
}

const servicePort = serviceRule('service/port', (service, _cluster, r) =>
  service.ports.flatMap((p, i) => {
    const at = `spec.port[${i}]`;
    const missing =
      p.port === undefined
        ? [
            r.report(
              service,
              `${at}.port of ${serviceLabel(service)} is missing`,
              `set port to a number from ${PORT_RANGE[0]} to ${PORT_RANGE[1]}, e.g. 80`,
            ),
          ]
        : [];
    return [
      ...missing,
      ...checkPort(r, service, `${at}.port`, p.port, PORT_RANGE, false),
      ...checkPort(r, service, `${at}.target_port`, p.targetPort, PORT_RANGE, true, true),
      ...checkPort(r, service, `${at}.node_port`, p.nodePort, NODE_PORT_RANGE, false, true),
    ];
  }),
);

/** The service/* rules, in catalogue order. */
export const serviceRules: Rule[] = [ipv6TrafficPolicy, familyNotInCluster, serviceName, servicePort];
