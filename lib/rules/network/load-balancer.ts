/**
 * The cluster load balancer: `network/lb-sku-basic`, `network/lb-profile-sku`. No cdktf imports.
 */
import { asNumber, effectiveNetwork, isUnknown } from '../../model';
import { clusterRule } from '../frame';
import type { Finding } from '../types';
import { familiesText } from './common';

/**
 * `network/lb-sku-basic`: "AKS will start to block new cluster creation with basic load balancer in January 2025" (AKS
 * changelog).
 */
export const lbSkuBasic = clusterRule('network/lb-sku-basic', (c, r) => {
  const sku = effectiveNetwork(c).loadBalancerSku;
  if (sku !== 'basic') return [];
  return r.report(
    c,
    'load_balancer_sku basic: AKS blocks new clusters on the Basic load balancer (retired 30 Sep 2025)',
    'set load_balancer_sku = "standard" (the default), or remove it',
  );
});

/** `network/lb-profile-sku`: "only load balancer SKU 'Standard' supports load balancer profiles" (azurerm expand). */
export const lbProfileSku = clusterRule('network/lb-profile-sku', (c, r) => {
  const lb = c.networkProfile.loadBalancerProfile;
  if (!lb) return [];
  const net = effectiveNetwork(c);
  const out: Finding[] = [];
  const sku = r.need(c, 'network_profile.load_balancer_sku', net.loadBalancerSku);
  if (!sku.ok) out.push(...sku.stop);
  else if (sku.value === 'basic') {
    out.push(
      r.report(
        c,
        `load_balancer_profile needs the standard load balancer SKU, but load_balancer_sku is ${sku.value}`,
        'set load_balancer_sku = "standard" (the default), or remove load_balancer_profile',
      ),
    );
  }
  const v6 = r.need(
    c,
    'network_profile.load_balancer_profile.managed_outbound_ipv6_count',
    asNumber(lb.managedOutboundIpv6Count),
  );
  if (!v6.ok) return [...out, ...v6.stop];
  if (v6.value === undefined || v6.value <= 0) return out;
  if (isUnknown(net.dualStack)) {
    const n = r.need(c, 'network_profile.ip_versions', net.dualStack);
    return [...out, ...(n.ok ? [] : n.stop)];
  }
  if (!net.dualStack) {
    out.push(
      r.report(
        c,
        `managed_outbound_ipv6_count ${v6.value} needs a dual-stack cluster, but ip_versions is ${familiesText(net)}`,
        'set ip_versions = ["IPv4", "IPv6"], or remove managed_outbound_ipv6_count',
      ),
    );
  }
  return out;
});
