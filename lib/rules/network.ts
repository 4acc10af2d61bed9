/**
 * Network profile rules of RULES.md (`network/*`, except the capacity and overlap rules of
 * network-capacity.ts). Each rule is a pure function model -> findings; no cdktf imports.
 *
 * Rules read the cluster's network through `effectiveNetwork` (lib/model/effective.ts), so that
 * an omitted attribute is checked with the `az aks create` default Azure will use. A value a rule
 * needs that is an unresolved expression gives one skipped-rule warning, never an error.
 */
import { addressAt, familyOf, offsetOf, parseAddress, tryParseCidr, type Cidr } from '../net';
import {
  DEFAULT_DUAL_STACK_POD_CIDRS,
  DEFAULT_DUAL_STACK_SERVICE_CIDRS,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
} from '../model';
import { asNumber, asString, asStringList, effectiveNetwork, effectivePool, poolsOf, type EffectiveNetwork } from '../model';
import { isUnknown } from '../model';
import type { ClusterModel, PlanModel, Unknown, Value } from '../model';
import { error, skipped, warning } from './finding';
import type { Finding, Rule, Severity } from './types';
import { readList, show } from './values';

/** The IPv6 service range may be no larger than this prefix length. */
export const MAX_IPV6_SERVICE_PREFIX = 108;
/** The IPv4 service range must have a prefix length above this. */
export const MIN_IPV4_SERVICE_PREFIX_EXCLUSIVE = 12;
/** The first Kubernetes version that supports dual-stack AKS. */
export const DUAL_STACK_MIN_VERSION: readonly [number, number, number] = [1, 26, 3];
/** VM sizes Azure CNI Overlay does not support: the DCsv2 series (`Standard_DC1s_v2`, `DC2s_v2`, `DC4s_v2`, and `DC8_v2` without the s). */
export const OVERLAY_UNSUPPORTED_VM_SIZE = /^Standard_DC(\d+)s?_v2$/i;
/** Network policies dual-stack rejects. */
export const DUAL_STACK_UNSUPPORTED_POLICIES: readonly string[] = ['azure', 'calico'];
/** Outbound types dual-stack rejects (NAT Gateway is IPv4-only). */
export const DUAL_STACK_UNSUPPORTED_OUTBOUND: readonly string[] = ['managedNATGateway', 'userAssignedNATGateway'];

/** A rule whose `check` walks clusters with their effective network. */
function clusterRule(
  id: string,
  severity: Severity,
  description: string,
  each: (rule: Rule, cluster: ClusterModel, net: EffectiveNetwork, model: PlanModel) => Finding[],
): Rule {
  const rule: Rule = {
    id,
    severity,
    description,
    check: (model) => model.clusters.flatMap((c) => each(rule, c, effectiveNetwork(c), model)),
  };
  return rule;
}

/** A list for messages: `[a, b]`. */
function list(xs: readonly string[]): string {
  return `[${xs.join(', ')}]`;
}

/** A list for fixes, as HCL/JSON: `["a", "b"]`. */
function quoted(xs: readonly string[]): string {
  return `[${xs.map((x) => `"${x}"`).join(', ')}]`;
}

/** One written range of a network profile, with the attribute it came from. */
interface WrittenRange {
  readonly attribute: string;
  readonly value: Value<string>;
}

/** The ranges a cluster's network profile writes (pod_cidr, pod_cidrs[i], service_cidr, service_cidrs[i]). */
function writtenRanges(cluster: ClusterModel): WrittenRange[] {
  const np = cluster.networkProfile;
  const out: WrittenRange[] = [];
  const single = (attribute: string, v: Value<unknown>) => {
    const s = asString(v);
    if (s !== undefined) out.push({ attribute, value: s });
  };
  const many = (attribute: string, v: Value<unknown>) => {
    if (v === undefined) return;
    if (isUnknown(v) || !Array.isArray(v)) {
      out.push({ attribute, value: isUnknown(v) ? v : asString(v) });
      return;
    }
    v.forEach((item, i) => out.push({ attribute: `${attribute}[${i}]`, value: asString(item as Value<unknown>) ?? asString(JSON.stringify(item)) }));
  };
  single('network_profile.pod_cidr', np.podCidr);
  many('network_profile.pod_cidrs', np.podCidrs);
  single('network_profile.service_cidr', np.serviceCidr);
  many('network_profile.service_cidrs', np.serviceCidrs);
  return out;
}

/** The parsed service ranges Azure will use, or the Unknown that stops a rule. */
function serviceRanges(net: EffectiveNetwork): { ranges: Cidr[] } | { unknown: Unknown } {
  if (isUnknown(net.serviceCidrs)) return { unknown: net.serviceCidrs };
  const ranges: Cidr[] = [];
  for (const s of net.serviceCidrs ?? []) {
    const p = tryParseCidr(s);
    if (p.ok) ranges.push(p.cidr);
  }
  return { ranges };
}

/** True when the effective families are exactly `[IPv4]` or `[IPv4, IPv6]`. */
function validFamilies(families: readonly string[]): boolean {
  return (families.length === 1 && families[0] === 'IPv4') || (families.length === 2 && families[0] === 'IPv4' && families[1] === 'IPv6');
}

const overlayRequiresAzure = clusterRule(
  'network/overlay-requires-azure',
  'error',
  'network_plugin_mode = overlay needs network_plugin = azure',
  (rule, c, net) => {
    const mode = net.pluginMode;
    const plugin = asString(c.networkProfile.networkPlugin);
    if (isUnknown(mode)) return plugin !== undefined && plugin !== 'azure' ? [skipped(rule, c, 'network_profile.network_plugin_mode', mode)] : [];
    if (mode !== 'overlay' || plugin === undefined || plugin === 'azure') return [];
    if (isUnknown(plugin)) return [skipped(rule, c, 'network_profile.network_plugin', plugin)];
    return [error(rule, c, `network_plugin_mode overlay needs network_plugin azure, but network_plugin is ${plugin}`, 'set network_plugin = "azure" to use Azure CNI Overlay, or remove network_plugin_mode')];
  },
);

const podCidrWithoutOverlay = clusterRule(
  'network/pod-cidr-without-overlay',
  'error',
  'a pod CIDR with azure in node-subnet mode (no overlay) is rejected',
  (rule, c, net) => {
    const np = c.networkProfile;
    const written = [asString(np.podCidr), np.podCidrs].filter((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
    if (written.length === 0) return [];
    if (isUnknown(net.mode)) return [skipped(rule, c, 'the network mode (network_plugin / network_plugin_mode)', net.mode)];
    if (net.mode !== 'node-subnet') return [];
    const shown = written.map((v) => (isUnknown(v) ? v.expression : Array.isArray(v) ? list(v.map((x) => (isUnknown(x) ? x.expression : String(x)))) : String(v))).join(' and ');
    return [
      error(
        rule,
        c,
        `pod range ${shown} is set, but network_plugin azure without network_plugin_mode runs Azure CNI in node-subnet mode, where pods take subnet IPs`,
        'set network_plugin_mode = "overlay" to give pods the range, or remove pod_cidr/pod_cidrs',
      ),
    ];
  },
);

const ipFamilies = clusterRule(
  'network/ip-families',
  'error',
  'ip_versions is [IPv4] or [IPv4, IPv6], in that order',
  (rule, c) => {
    const raw = c.networkProfile.ipVersions;
    if (raw === undefined) return [];
    const fix = 'set ip_versions = ["IPv4"] for single-stack or ["IPv4", "IPv6"] for dual-stack';
    // a string or number where the list belongs is rejected by Terraform: an error, not a skip
    const asList = readList(raw);
    if (asList.kind === 'wrong-type') return [error(rule, c, `ip_versions is ${show(asList.value)}, not a list`, fix)];
    const fam = asStringList(raw);
    if (isUnknown(fam)) return [skipped(rule, c, 'network_profile.ip_versions', fam)];
    if (fam === undefined || validFamilies(fam)) return [];
    let why: string;
    const bad = fam.filter((f) => f !== 'IPv4' && f !== 'IPv6');
    if (fam.length === 0) why = 'is empty';
    else if (bad.length > 0) why = `contains ${list(bad)}, which is not IPv4 or IPv6 (spelled exactly so)`;
    else if (new Set(fam).size !== fam.length) why = 'lists a family twice';
    else if (!fam.includes('IPv4')) why = 'is IPv6 alone, which AKS does not support';
    else why = 'lists IPv6 before IPv4; IPv4 comes first';
    return [error(rule, c, `ip_versions ${list(fam)} ${why}`, fix)];
  },
);

const cidrFamilyMismatch = clusterRule(
  'network/cidr-family-mismatch',
  'error',
  'pod_cidrs and service_cidrs match the families in count and order (IPv4 first)',
  (rule, c, net) => {
    const np = c.networkProfile;
    const written: [string, Value<unknown>, readonly string[]][] = [
      ['pod_cidrs', np.podCidrs, DEFAULT_DUAL_STACK_POD_CIDRS],
      ['service_cidrs', np.serviceCidrs, DEFAULT_DUAL_STACK_SERVICE_CIDRS],
    ];
    const singles: [string, Value<unknown>, string][] = [
      ['pod_cidr', np.podCidr, DEFAULT_POD_CIDR],
      ['service_cidr', np.serviceCidr, DEFAULT_SERVICE_CIDR],
    ];
    if (written.every(([, v]) => v === undefined) && singles.every(([, v]) => v === undefined)) return [];
    if (isUnknown(net.families)) return [skipped(rule, c, 'network_profile.ip_versions', net.families)];
    const families = net.families ?? [];
    if (!validFamilies(families)) return []; // network/ip-families reports it
    const out: Finding[] = [];
    for (const [attr, raw, defaults] of written) {
      if (raw === undefined) continue;
      const asList = readList(raw);
      if (asList.kind === 'wrong-type') {
        out.push(error(rule, c, `${attr} is ${show(asList.value)}, not a list`, `write ${attr} as a list with one range per family, e.g. ${attr} = ${quoted(defaults.slice(0, families.length))}`));
        continue;
      }
      const ranges = asStringList(raw);
      if (isUnknown(ranges)) {
        out.push(skipped(rule, c, `network_profile.${attr}`, ranges));
        continue;
      }
      if (ranges === undefined || (ranges.length === 0 && families.length === 1)) continue;
      const example = quoted(defaults.slice(0, families.length));
      if (ranges.length !== families.length) {
        out.push(error(rule, c, `${attr} ${list(ranges)} has ${ranges.length} range(s) for the ${families.length} IP families ${list(families)}`, `give one range per family, in the order of ip_versions, e.g. ${attr} = ${example}`));
        continue;
      }
      const wrong = ranges.findIndex((r, i) => familyOf(r) !== families[i]);
      if (wrong >= 0) {
        out.push(error(rule, c, `${attr} ${list(ranges)} does not match ip_versions ${list(families)}: ${ranges[wrong]} is not ${families[wrong]}`, `list the ranges in the order of ip_versions, IPv4 first, e.g. ${attr} = ${example}`));
      }
    }
    for (const [attr, raw, example] of singles) {
      const s = asString(raw);
      if (s === undefined) continue;
      if (isUnknown(s)) {
        out.push(skipped(rule, c, `network_profile.${attr}`, s));
        continue;
      }
      if (familyOf(s) === 'IPv6') {
        out.push(error(rule, c, `${attr} ${s} is an IPv6 range; ${attr} holds the IPv4 range`, `set ${attr} to an IPv4 range such as ${example}${families.length === 2 ? `, and give both families in ${attr}s` : ''}`));
      }
    }
    return out;
  },
);

const cidrSyntax: Rule = {
  id: 'network/cidr-syntax',
  severity: 'error',
  description: 'each range parses as a CIDR of its family, with a prefix length and no host bits set',
  check(model) {
    const out: Finding[] = [];
    const checkOne = (el: Parameters<typeof error>[1], attribute: string, value: Value<string>) => {
      if (value === undefined) return;
      if (isUnknown(value)) {
        out.push(skipped(cidrSyntax, el, attribute, value));
        return;
      }
      const p = tryParseCidr(value);
      if (!p.ok) {
        out.push(error(cidrSyntax, el, `${attribute}: ${p.error.message}`, `write ${attribute} as an address with its prefix length, e.g. ${familyOf(value) === 'IPv6' ? 'fd12:3456:789a::/64' : '10.244.0.0/16'}`));
      } else if (p.cidr.hostBitsSet) {
        out.push(error(cidrSyntax, el, `${attribute} ${p.cidr.input} has host bits set`, `use the network address: ${p.cidr.normalized}`));
      }
    };
    const checkList = (el: Parameters<typeof error>[1], attribute: string, raw: Value<unknown>) => {
      if (raw === undefined) return;
      if (isUnknown(raw) || !Array.isArray(raw)) {
        checkOne(el, attribute, isUnknown(raw) ? raw : asString(raw));
        return;
      }
      raw.forEach((item, i) => checkOne(el, `${attribute}[${i}]`, asString(item as Value<unknown>)));
    };
    for (const c of model.clusters) for (const r of writtenRanges(c)) checkOne(c, r.attribute, r.value);
    // existing subnets / VNets: their ranges come from the check context; unknown ones are reported by the overlap rules
    for (const v of model.virtualNetworks) if (!v.external || !isUnknown(v.addressSpace)) checkList(v, 'address_space', v.addressSpace);
    for (const s of model.subnets) if (!s.external || !isUnknown(s.addressPrefixes)) checkList(s, 'address_prefixes', s.addressPrefixes);
    return out;
  },
};

/** A service-range size rule of one family. */
function serviceSizeRule(id: string, family: 'IPv4' | 'IPv6', description: string, tooLarge: (c: Cidr) => { message: string; fix: string } | undefined): Rule {
  return clusterRule(id, 'error', description, (rule, c, net) => {
    if (family === 'IPv6' && net.dualStack === false) return [];
    const sr = serviceRanges(net);
    if ('unknown' in sr) return [skipped(rule, c, 'the service range (network_profile.service_cidr / service_cidrs)', sr.unknown)];
    return sr.ranges.filter((r) => r.family === family).flatMap((r) => {
      const p = tooLarge(r);
      return p ? [error(rule, c, p.message, p.fix)] : [];
    });
  });
}

const serviceCidrIpv6Size = serviceSizeRule('network/service-cidr-ipv6-size', 'IPv6', 'the IPv6 service range is no larger than /108', (r) =>
  r.prefixLength >= MAX_IPV6_SERVICE_PREFIX
    ? undefined
    : { message: `service range ${r.input} is larger than /${MAX_IPV6_SERVICE_PREFIX}`, fix: `use a /${MAX_IPV6_SERVICE_PREFIX} or smaller, e.g. ${r.network}/${MAX_IPV6_SERVICE_PREFIX}` },
);

const serviceCidrIpv4Size = serviceSizeRule('network/service-cidr-ipv4-size', 'IPv4', 'the IPv4 service range is smaller than /12', (r) =>
  r.prefixLength > MIN_IPV4_SERVICE_PREFIX_EXCLUSIVE
    ? undefined
    : { message: `service range ${r.input} is /12 or larger; it must be smaller than /12`, fix: `use a /13 or smaller, e.g. ${r.network}/16` },
);

/** The IPv4 service range and the DNS service IP, parsed, or why the DNS rules cannot run. */
type DnsCheck =
  | { kind: 'skip'; what: string; unknown: Unknown }
  | { kind: 'none' }
  | { kind: 'error'; message: string; fix: string }
  | { kind: 'ok'; range: Cidr; dns: string; offset: bigint };

function dnsCheck(c: ClusterModel, net: EffectiveNetwork): DnsCheck {
  const np = c.networkProfile;
  const dnsWritten = asString(np.dnsServiceIp);
  const serviceWritten = np.serviceCidr !== undefined || np.serviceCidrs !== undefined;
  if (isUnknown(dnsWritten)) return { kind: 'skip', what: 'network_profile.dns_service_ip', unknown: dnsWritten };
  const sr = serviceRanges(net);
  if ('unknown' in sr) return { kind: 'skip', what: 'the service range (network_profile.service_cidr / service_cidrs)', unknown: sr.unknown };
  const v4 = sr.ranges.find((r) => r.family === 'IPv4');
  if (dnsWritten !== undefined && !serviceWritten) {
    return { kind: 'error', message: `dns_service_ip ${dnsWritten} is set without a service range`, fix: `set service_cidr too (e.g. ${DEFAULT_SERVICE_CIDR}), or remove dns_service_ip to use the defaults` };
  }
  if (dnsWritten === undefined && serviceWritten) {
    const example = v4 && v4.size > 10n ? addressAt(v4, 10) : undefined;
    return { kind: 'error', message: `a service range ${list((isUnknown(net.serviceCidrs) ? [] : net.serviceCidrs) ?? [])} is set without dns_service_ip`, fix: `set dns_service_ip inside the IPv4 service range${example ? `, e.g. ${example}` : ''}` };
  }
  const dns = net.dnsServiceIp;
  if (dns === undefined || isUnknown(dns) || !v4) return { kind: 'none' };
  let parsed;
  try {
    parsed = parseAddress(dns, 'IPv4');
  } catch (e) {
    return { kind: 'error', message: `dns_service_ip: ${e instanceof Error ? e.message : String(e)}`, fix: `use an IPv4 address inside ${v4.normalized}, e.g. ${usableExample(v4)}` };
  }
  const offset = offsetOf(v4, parsed);
  if (offset === undefined) {
    return { kind: 'error', message: `dns_service_ip ${dns} is outside the IPv4 service range ${v4.normalized}`, fix: `use an address inside ${v4.normalized}, e.g. ${usableExample(v4)}` };
  }
  return { kind: 'ok', range: v4, dns: parsed.text, offset };
}

/** An address of an IPv4 service range that a DNS service may take: the .10 offset, or .2 in a range too small for it. */
function usableExample(range: Cidr): string {
  return range.size > 10n ? addressAt(range, 10) : addressAt(range, range.size > 3n ? 2n : 0n);
}

/** True when the DNS IP is the last (broadcast) address of its IPv4 range: Kubernetes allocates neither it nor the network address. */
function isBroadcast(d: { range: Cidr; offset: bigint }): boolean {
  return d.range.size > 2n && d.offset === d.range.size - 1n;
}

const dnsServiceIp = clusterRule(
  'network/dns-service-ip',
  'error',
  'dns_service_ip is set together with the service range, inside the IPv4 service range, and not its first (nor its network or broadcast) address',
  (rule, c, net) => {
    const d = dnsCheck(c, net);
    if (d.kind === 'skip') return [skipped(rule, c, d.what, d.unknown)];
    if (d.kind === 'error') return [error(rule, c, d.message, d.fix)];
    if (d.kind !== 'ok' || (d.offset > 1n && !isBroadcast(d))) return [];
    const example = usableExample(d.range);
    const [what, why] = d.offset === 0n
      ? ['the network address', 'which Kubernetes never allocates to a service']
      : d.offset === 1n
        ? ['the first address', 'which Kubernetes gives the kubernetes API service']
        : ['the broadcast address', 'which Kubernetes never allocates to a service'];
    return [error(rule, c, `dns_service_ip ${d.dns} is ${what} of the service range ${d.range.normalized}, ${why}`, `use another address of the range, e.g. ${example}`)];
  },
);

const dnsServiceIpConvention = clusterRule(
  'network/dns-service-ip-convention',
  'warning',
  "dns_service_ip is the service range's .10 address",
  (rule, c, net) => {
    const d = dnsCheck(c, net);
    if (d.kind !== 'ok' || d.offset <= 1n || isBroadcast(d) || d.offset === 10n || d.range.size <= 10n) return [];
    const ten = addressAt(d.range, 10);
    return [warning(rule, c, `dns_service_ip ${d.dns} is not the .10 address of the service range ${d.range.normalized}`, `use ${ten}, the address AKS and most tooling expect for cluster DNS`)];
  },
);

/** Runs `each` only for dual-stack clusters; skips when the families are unknown. */
function dualStackRule(id: string, description: string, each: (rule: Rule, c: ClusterModel, net: EffectiveNetwork) => Finding[]): Rule {
  return clusterRule(id, 'error', description, (rule, c, net) => {
    if (isUnknown(net.dualStack)) return [skipped(rule, c, 'network_profile.ip_versions', net.dualStack)];
    return net.dualStack ? each(rule, c, net) : [];
  });
}

const dualStackRequiresOverlay = dualStackRule('network/dual-stack-requires-overlay', 'dual-stack needs Azure CNI Overlay', (rule, c, net) => {
  if (isUnknown(net.mode)) return [skipped(rule, c, 'the network mode (network_plugin / network_plugin_mode)', net.mode)];
  if (net.mode === 'overlay') return [];
  const what = net.mode === 'node-subnet' ? 'network_plugin azure without network_plugin_mode (node-subnet mode)' : `network_plugin ${String(net.plugin)}`;
  return [error(rule, c, `ip_versions ${list(isUnknown(net.families) ? [] : (net.families ?? []))} (dual-stack) needs Azure CNI Overlay, but the cluster uses ${what}`, 'set network_plugin = "azure" and network_plugin_mode = "overlay"')];
});

const dualStackUnsupported = dualStackRule('network/dual-stack-unsupported', 'dual-stack rejects network policy azure/calico, NAT gateway outbound types, and the virtual nodes add-on', (rule, c, net) => {
  const out: Finding[] = [];
  if (isUnknown(net.networkPolicy)) out.push(skipped(rule, c, 'network_profile.network_policy', net.networkPolicy));
  else if (net.networkPolicy !== undefined && DUAL_STACK_UNSUPPORTED_POLICIES.includes(net.networkPolicy)) {
    out.push(error(rule, c, `network_policy ${net.networkPolicy} is not supported on a dual-stack cluster`, 'set network_policy = "cilium" with network_data_plane = "cilium", or remove network_policy'));
  }
  if (isUnknown(net.outboundType)) out.push(skipped(rule, c, 'network_profile.outbound_type', net.outboundType));
  else if (net.outboundType !== undefined && DUAL_STACK_UNSUPPORTED_OUTBOUND.includes(net.outboundType)) {
    out.push(error(rule, c, `outbound_type ${net.outboundType} is not supported on a dual-stack cluster: NAT Gateway is IPv4-only`, 'set outbound_type = "loadBalancer" (the default) or "userDefinedRouting"'));
  }
  if (c.aciConnectorLinux) {
    out.push(error(rule, c, 'aci_connector_linux (the virtual nodes add-on) is not supported on a dual-stack cluster', 'remove the aci_connector_linux block, or use a single-stack cluster for virtual nodes'));
  }
  return out;
});

/** `MAJOR.MINOR[.PATCH]` as numbers; a missing patch is undefined. */
function parseVersion(v: string): [number, number, number | undefined] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])] : undefined;
}

const dualStackVersion = dualStackRule('network/dual-stack-version', 'a set kubernetes_version is 1.26.3 or later for dual-stack', (rule, c) => {
  const v = asString(c.kubernetesVersion);
  if (v === undefined) return [];
  if (isUnknown(v)) return [skipped(rule, c, 'kubernetes_version', v)];
  const p = parseVersion(v);
  if (!p) return []; // cluster/kubernetes-version reports the syntax
  const [maj, min, patch] = p;
  const [rMaj, rMin, rPatch] = DUAL_STACK_MIN_VERSION;
  // MAJOR.MINOR without a patch: AKS picks the latest patch of that minor, so 1.26 is fine
  const tooOld = maj < rMaj || (maj === rMaj && (min < rMin || (min === rMin && patch !== undefined && patch < rPatch)));
  if (!tooOld) return [];
  return [error(rule, c, `kubernetes_version ${v} is older than ${DUAL_STACK_MIN_VERSION.join('.')}, the first version with dual-stack`, `set kubernetes_version to ${DUAL_STACK_MIN_VERSION.join('.')} or later (a supported version such as 1.33)`)];
});

const lbProfileSku = clusterRule(
  'network/lb-profile-sku',
  'error',
  'a load balancer profile needs the standard SKU; managed_outbound_ipv6_count needs dual-stack',
  (rule, c, net) => {
    const lb = c.networkProfile.loadBalancerProfile;
    if (!lb) return [];
    const out: Finding[] = [];
    const sku = net.loadBalancerSku;
    if (isUnknown(sku)) out.push(skipped(rule, c, 'network_profile.load_balancer_sku', sku));
    else if (sku !== undefined && sku.toLowerCase() !== 'standard') {
      out.push(error(rule, c, `load_balancer_profile needs the standard load balancer SKU, but load_balancer_sku is ${sku}`, 'set load_balancer_sku = "standard" (the default), or remove load_balancer_profile'));
    }
    const v6 = asNumber(lb.managedOutboundIpv6Count);
    if (isUnknown(v6)) out.push(skipped(rule, c, 'network_profile.load_balancer_profile.managed_outbound_ipv6_count', v6));
    else if (v6 !== undefined && v6 > 0) {
      if (isUnknown(net.dualStack)) out.push(skipped(rule, c, 'network_profile.ip_versions', net.dualStack));
      else if (!net.dualStack) {
        out.push(error(rule, c, `managed_outbound_ipv6_count ${v6} needs a dual-stack cluster, but ip_versions is ${list(isUnknown(net.families) ? [] : (net.families ?? []))}`, 'set ip_versions = ["IPv4", "IPv6"], or remove managed_outbound_ipv6_count'));
      }
    }
    return out;
  },
);

const overlayVmSize = clusterRule(
  'network/overlay-vm-size',
  'error',
  'Azure CNI Overlay does not support DCsv2-series VM sizes',
  (rule, c, net) => {
    if (isUnknown(net.mode)) return [skipped(rule, c, 'the network mode (network_plugin / network_plugin_mode)', net.mode)];
    if (net.mode !== 'overlay') return [];
    return poolsOf(c).flatMap((pool) => {
      const size = effectivePool(pool, c).vmSize;
      if (isUnknown(size)) return [skipped(rule, pool, 'vm_size', size)];
      const m = size === undefined ? null : OVERLAY_UNSUPPORTED_VM_SIZE.exec(size);
      if (!m) return [];
      return [error(rule, pool, `vm_size ${size} (DCsv2-series) is not supported with Azure CNI Overlay`, `use another series, e.g. Standard_DC${m[1]}s_v3 (DCsv3, confidential) or Standard_D4s_v5`)];
    });
  },
);

const kubenetRetiring = clusterRule(
  'network/kubenet-retiring',
  'warning',
  'kubenet is retiring; use Azure CNI Overlay',
  (rule, c, net) =>
    net.mode === 'kubenet'
      ? [warning(rule, c, 'network_plugin kubenet is retiring (31 March 2028)', 'move to Azure CNI Overlay: network_plugin = "azure", network_plugin_mode = "overlay" (the pod CIDR can stay)')]
      : [],
);

/** The network rules of this file, in catalogue order. */
export const networkRules: Rule[] = [
  overlayRequiresAzure,
  podCidrWithoutOverlay,
  ipFamilies,
  cidrFamilyMismatch,
  cidrSyntax,
  serviceCidrIpv6Size,
  serviceCidrIpv4Size,
  dnsServiceIp,
  dnsServiceIpConvention,
  dualStackRequiresOverlay,
  dualStackUnsupported,
  dualStackVersion,
  lbProfileSku,
  overlayVmSize,
  kubenetRetiring,
];
