/**
 * `network/pod-cidr-capacity` ("Each node is assigned a /24 address space carved out from the same
 * CIDR", fixed size) and `network/subnet-capacity` (the ip-address-planning formula). Both count each
 * pool's most nodes plus its upgrade surge; an omitted node_count is 0 (azurerm sends 0). No cdktf imports.
 */
import { AZURE_SUBNET_RESERVED, OVERLAY_NODE_BLOCK_PREFIX } from '../../facts';
import { count24Blocks, parseCidr } from '../../net';
import {
  asStringList,
  clusterOf,
  effectiveNetwork,
  isUnknown,
  poolNodes,
  poolSubnetDemand,
  poolsOf,
  usableSubnetAddresses,
} from '../../model';
import type { NodePoolModel, SubnetModel } from '../../model';
import { clusterRule, modelRule } from '../frame';
import type { Finding } from '../types';
import { cut, modeAttribute } from '../text';

import { parseList } from './ranges';

function poolName(pool: NodePoolModel): string {
  return typeof pool.name === 'string' ? cut(pool.name, 40) : pool.address;
}

/** `network/pod-cidr-capacity`. */
export const podCidrCapacity = clusterRule('network/pod-cidr-capacity', (cluster, r) => {
  const net = effectiveNetwork(cluster);
  if (isUnknown(net.mode)) {
    const n = r.need(cluster, modeAttribute(cluster), net.mode);
    return n.ok ? [] : n.stop;
  }
  if (net.mode !== 'overlay') return [];
  const pods = parseList(net.podCidrs);
  if (isUnknown(pods)) {
    const n = r.need(cluster, 'network_profile.pod_cidr(s)', pods);
    return n.ok ? [] : n.stop;
  }
  const v4 = pods.find((c) => c.family === 'IPv4');
  if (!v4) return [];
  if (v4.prefixLength > OVERLAY_NODE_BLOCK_PREFIX) {
    return r.report(
      cluster,
      `pod range ${v4.normalized} of ${cluster.address} is smaller than /24; overlay gives every node a /24`,
      `use a /24 or larger, e.g. ${parseCidr(`${v4.network}/24`).normalized}`,
    );
  }
  const parts: string[] = [];
  let total = 0;
  for (const pool of poolsOf(cluster)) {
    const n = poolNodes(pool, cluster);
    if (!n.ok) {
      const stop = r.need(n.element, n.what, n.value);
      return stop.ok ? [] : stop.stop;
    }
    total += n.nodes + n.surge;
    parts.push(`${poolName(pool)}: ${n.nodes}${n.surge > 0 ? ` + ${n.surge} surge` : ''}`);
  }
  const blocks = count24Blocks(v4);
  if (total <= blocks) return [];
  const prefix = Math.max(0, OVERLAY_NODE_BLOCK_PREFIX - Math.ceil(Math.log2(total)));
  const suggestion = parseCidr(`${v4.network}/${prefix}`).normalized;
  return r.report(
    cluster,
    `pod range ${v4.normalized} of ${cluster.address} holds ${blocks} /24 block(s), one per node, but its pools can reach ${total} nodes with upgrade surge (${parts.join(', ')})`,
    `use a /${prefix} or larger pod range, e.g. ${suggestion}, or lower node_count/max_count`,
  );
});

/** `network/subnet-capacity`. */
export const subnetCapacity = modelRule('network/subnet-capacity', (r) => {
  const out: Finding[] = [];
  const bySubnet = new Map<string, { subnet: SubnetModel; pools: NodePoolModel[] }>();
  for (const pool of r.model.nodePools) {
    if (isUnknown(pool.vnetSubnetId) && !pool.subnet) {
      const n = r.need(pool, 'vnet_subnet_id', pool.vnetSubnetId);
      if (!n.ok) out.push(...n.stop);
      continue;
    }
    if (!pool.subnet) continue;
    const entry = bySubnet.get(pool.subnet.id) ?? { subnet: pool.subnet, pools: [] };
    entry.pools.push(pool);
    bySubnet.set(pool.subnet.id, entry);
  }
  for (const { subnet, pools } of bySubnet.values()) {
    const prefixes = parseList(asStringList(subnet.addressPrefixes));
    if (isUnknown(prefixes)) {
      const n = r.need(subnet, subnet.prefixesAttribute ?? 'address_prefixes', prefixes);
      if (!n.ok) out.push(...n.stop);
      continue;
    }
    const v4 = prefixes.filter((c) => c.family === 'IPv4');
    if (v4.length === 0) continue;
    const usable = usableSubnetAddresses(v4);
    let needed = 0;
    const parts: string[] = [];
    let stop: Finding[] | undefined;
    for (const pool of pools) {
      const d = poolSubnetDemand(pool, clusterOf(r.model, pool));
      if (!d.ok) {
        const n = r.need(d.element, d.what, d.value);
        stop = n.ok ? [] : n.stop;
        break;
      }
      needed += d.addresses;
      parts.push(
        `${poolName(pool)}: (${d.nodes} nodes + ${d.surge} surge)${d.perNode > 1 ? ` x (1 + ${d.perNode - 1} max_pods)` : ''}`,
      );
    }
    if (stop) {
      out.push(...stop);
      continue;
    }
    if (needed <= usable) continue;
    const first = v4[0];
    let prefix = first.prefixLength;
    while (prefix > 0 && 2 ** (32 - prefix) - AZURE_SUBNET_RESERVED < needed) prefix--;
    const suggestion = parseCidr(`${first.network}/${prefix}`).normalized;
    out.push(
      r.report(
        subnet,
        `subnet ${v4.map((c) => c.normalized).join(', ')} (${subnet.address}) has ${usable} usable addresses (after Azure's ${AZURE_SUBNET_RESERVED} reserved) but its pools need ${needed}: ${parts.join('; ')}`,
        `use a /${prefix} or larger subnet, e.g. ${suggestion}, or lower node_count/max_count${parts.some((p) => p.includes('max_pods')) ? '/max_pods' : ''}`,
      ),
    );
  }
  return out;
});
