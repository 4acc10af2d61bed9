/**
 * What node pools take of address space: nodes, upgrade surge and subnet addresses. The one formula
 * of the capacity rules, shared with the CLI report. No cdktf imports.
 *
 * "(number of nodes + max surge nodes) + ((number of nodes + max surge nodes) * maximum pods per node
 * that you configure)" (concepts-network-ip-address-planning); "Azure reserves the first four and last
 * IP addresses" of a subnet; each overlay node takes a /24 of the pod range.
 */
import { AZURE_SUBNET_RESERVED, surgeNodes } from '../facts';
import type { Cidr } from '../net';
import { isUnknown } from './attr';
import { effectiveNetwork } from './effective';
import { effectivePool } from './effective-pool';
import type { ClusterModel, Located, NodePoolModel, Unknown } from './types';

/** The usable addresses of a subnet's IPv4 prefixes: their sizes minus Azure's 5 reserved addresses per prefix. */
export function usableSubnetAddresses(prefixes: readonly Cidr[]): number {
  return prefixes.filter((c) => c.family === 'IPv4').reduce((n, c) => n + Number(c.size) - AZURE_SUBNET_RESERVED, 0);
}

/** A number a capacity rule needs, or the element and attribute whose value is unresolved. */
export type Demand<T> =
  | ({ readonly ok: true } & T)
  | { readonly ok: false; readonly element: Located; readonly what: string; readonly value: Unknown };

/** The most nodes a pool can reach and its upgrade surge (`upgrade_settings.max_surge`, default 10%, at least 1). */
export function poolNodes(
  pool: NodePoolModel,
  cluster: ClusterModel | undefined,
): Demand<{ nodes: number; surge: number }> {
  const eff = effectivePool(pool, cluster);
  if (isUnknown(eff.maxNodes)) {
    const what = isUnknown(eff.autoscaling) ? 'auto_scaling_enabled' : eff.autoscaling ? 'max_count' : 'node_count';
    return { ok: false, element: pool, what, value: eff.maxNodes };
  }
  if (isUnknown(eff.maxSurge))
    return { ok: false, element: pool, what: 'upgrade_settings.max_surge', value: eff.maxSurge };
  const nodes = eff.maxNodes ?? 0;
  // a max_surge that is neither a count nor a percentage falls back to the default (the provider rejects it)
  const surge = surgeNodes(nodes, eff.maxSurge) ?? surgeNodes(nodes) ?? 0;
  return { ok: true, nodes, surge };
}

/**
 * The addresses a pool takes in its node subnet: (most nodes + surge), times (1 + max_pods) in
 * node-subnet mode, where every pod takes a subnet address (unless the pool has a `pod_subnet_id`).
 */
export function poolSubnetDemand(
  pool: NodePoolModel,
  cluster: ClusterModel | undefined,
): Demand<{ nodes: number; surge: number; perNode: number; addresses: number }> {
  const n = poolNodes(pool, cluster);
  if (!n.ok) return n;
  let perNode = 1;
  if (cluster) {
    const mode = effectiveNetwork(cluster).mode;
    if (isUnknown(mode))
      return {
        ok: false,
        element: cluster,
        what: 'the network mode (network_plugin / network_plugin_mode)',
        value: mode,
      };
    if (mode === 'node-subnet' && pool.podSubnetId === undefined) {
      const maxPods = effectivePool(pool, cluster).maxPods;
      if (isUnknown(maxPods)) return { ok: false, element: pool, what: 'max_pods', value: maxPods };
      perNode = 1 + (maxPods ?? 0);
    }
  }
  return { ok: true, nodes: n.nodes, surge: n.surge, perNode, addresses: (n.nodes + n.surge) * perNode };
}
