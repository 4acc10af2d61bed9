/**
 * Dual-stack: `network/dual-stack-requires-overlay`, `network/dual-stack-unsupported`,
 * `network/dual-stack-user-natgw`, `network/dual-stack-version`, `network/dual-stack-subnet`. The
 * limitations list of azure-cni-overlay ("Azure network policies; Calico network policies; Standard
 * NAT Gateway ...; Virtual nodes add-on"). No cdktf imports.
 */
import { versionAtLeast } from '../../facts';
import { familyOf } from '../../net';
import {
  asString,
  asStringList,
  effectiveNetwork,
  isUnknown,
  poolsOf,
  versionOf,
  type ClusterModel,
  type EffectiveNetwork,
} from '../../model';
import { modeAttribute } from '../text';
import { clusterRule, type RuleApi } from '../frame';
import type { Finding } from '../types';
import { familiesText, list } from './common';

type Check = (c: ClusterModel, net: EffectiveNetwork, r: RuleApi) => Finding | Finding[] | undefined;

/** A rule that runs only for dual-stack clusters; skips when the families are unknown. */
function dualStackRule(id: Parameters<typeof clusterRule>[0], check: Check) {
  return clusterRule(id, (c, r) => {
    const net = effectiveNetwork(c);
    if (isUnknown(net.dualStack)) {
      const n = r.need(c, 'network_profile.ip_versions', net.dualStack);
      return n.ok ? [] : n.stop;
    }
    return net.dualStack ? check(c, net, r) : [];
  });
}

/** `network/dual-stack-requires-overlay`: Azure CNI in node-subnet mode has no dual-stack. */
export const dualStackRequiresOverlay = dualStackRule('network/dual-stack-requires-overlay', (c, net, r) => {
  if (isUnknown(net.mode)) {
    const n = r.need(c, modeAttribute(c), net.mode);
    return n.ok ? [] : n.stop;
  }
  if (net.mode !== 'node-subnet') return [];
  return r.report(
    c,
    `ip_versions ${familiesText(net)} (dual-stack) needs Azure CNI Overlay, but the cluster uses network_plugin azure without network_plugin_mode (node-subnet mode)`,
    'set network_plugin_mode = "overlay"',
  );
});

/** The NAT gateway SKU of the default pool's subnet, when the document associates one. */
function natGatewaySku(c: ClusterModel): string | undefined {
  const nat = c.defaultNodePool?.subnet?.natGateway;
  if (!nat) return undefined;
  const sku = asString(nat.sku);
  return typeof sku === 'string' ? sku : sku === undefined ? 'Standard' : undefined;
}

/** `network/dual-stack-unsupported`. */
export const dualStackUnsupported = dualStackRule('network/dual-stack-unsupported', (c, net, r) => {
  const out: Finding[] = [];
  const policy = r.need(c, 'network_profile.network_policy', net.networkPolicy);
  if (!policy.ok) out.push(...policy.stop);
  else if (policy.value === 'azure' || policy.value === 'calico') {
    out.push(
      r.report(
        c,
        `network_policy ${policy.value} is not supported on a dual-stack cluster`,
        'set network_policy = "cilium" with network_data_plane = "cilium", or remove network_policy',
      ),
    );
  }
  const outbound = r.need(c, 'network_profile.outbound_type', net.outboundType);
  if (!outbound.ok) out.push(...outbound.stop);
  else if (outbound.value === 'managedNATGateway') {
    out.push(
      r.report(
        c,
        'outbound_type managedNATGateway is not supported on a dual-stack cluster: the managed NAT gateway is IPv4-only',
        'set outbound_type = "loadBalancer" (the default), or userAssignedNATGateway with a StandardV2 NAT gateway',
      ),
    );
  } else if (outbound.value === 'userAssignedNATGateway' && natGatewaySku(c) === 'Standard') {
    out.push(
      r.report(
        c,
        `outbound_type userAssignedNATGateway with the Standard NAT gateway ${c.defaultNodePool?.subnet?.natGateway?.address ?? ''} of the node subnet: Standard NAT gateways are IPv4-only`,
        'use a StandardV2 NAT gateway, or outbound_type = "loadBalancer"',
      ),
    );
  }
  if (c.aciConnectorLinux) {
    out.push(
      r.report(
        c,
        'aci_connector_linux (the virtual nodes add-on) is not supported on a dual-stack cluster',
        'remove the aci_connector_linux block, or use a single-stack cluster for virtual nodes',
      ),
    );
  }
  return out;
});

/** `network/dual-stack-user-natgw`: "For dual-stack egress, use StandardV2 NAT Gateway". */
export const dualStackUserNatgw = dualStackRule('network/dual-stack-user-natgw', (c, net, r) => {
  if (net.outboundType !== 'userAssignedNATGateway' || natGatewaySku(c) !== undefined) return [];
  return r.report(
    c,
    'outbound_type userAssignedNATGateway on a dual-stack cluster works only with a StandardV2 NAT gateway (Standard is IPv4-only); the gateway is not in this document',
    "make sure the node subnet's NAT gateway is StandardV2",
  );
});

/** `network/dual-stack-version`: Cilium dual-stack "You must have Kubernetes version 1.29 or greater". */
export const dualStackVersion = dualStackRule('network/dual-stack-version', (c, net, r) => {
  if (net.networkDataPlane !== 'cilium') return [];
  const v = r.need(c, 'kubernetes_version', versionOf(c.kubernetesVersion));
  if (!v.ok) return v.stop;
  if (!v.value || versionAtLeast(v.value, [1, 29])) return [];
  return r.report(
    c,
    `kubernetes_version ${v.value.text} is older than 1.29, which dual-stack with the Cilium data plane needs`,
    'set kubernetes_version to 1.29 or later (a supported version such as 1.33)',
  );
});

/** `network/dual-stack-subnet`: "nodes receive both an IPv4 and IPv6 address from the Azure virtual network subnet". */
export const dualStackSubnet = dualStackRule('network/dual-stack-subnet', (c, _net, r) => {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const pool of poolsOf(c)) {
    const s = pool.subnet;
    if (!s || seen.has(s.id)) continue;
    seen.add(s.id);
    const prefixes = asStringList(s.addressPrefixes);
    if (!Array.isArray(prefixes) || prefixes.length === 0) continue; // unknown: the capacity rules say so
    if (prefixes.some((p) => familyOf(p) === 'IPv6')) continue;
    out.push(
      r.report(
        s,
        `node subnet ${s.address} of dual-stack cluster ${c.address} has no IPv6 prefix (${list(prefixes)})`,
        'add an IPv6 prefix to the subnet (and an IPv6 address space to its VNet), e.g. address_prefixes = ["10.1.0.0/24", "fd00:1::/64"]',
      ),
    );
  }
  return out;
});
