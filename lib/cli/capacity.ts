/**
 * The numbers behind the report's capacity section, composed from the model's effective values
 * (lib/model/effective.ts), lib/net's address math and the constants the capacity rules export
 * (`poolSubnetDemand`, `usableSubnetAddresses` of lib/model/capacity.ts). The rules decide
 * pass/fail; this only shows the margins. No cdktf imports.
 */
import { count24Blocks, tryParseCidr, type Cidr } from '../net';
import { asStringList, effectiveNetwork, effectivePool, isUnknown, poolsOf } from '../model';
import type { ClusterModel, NodePoolModel, SubnetModel } from '../model';
import { poolSubnetDemand, usableSubnetAddresses } from '../model';

/** A number, or why it cannot be known. */
export type Known<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };

function poolLabel(pool: NodePoolModel): string {
  return typeof pool.name === 'string' ? pool.name : pool.address;
}

/** The most nodes each pool of a cluster can reach (max_count when autoscaling, else node_count). */
export function poolMaxNodes(cluster: ClusterModel): Known<{ pool: string; nodes: number }[]> {
  const out: { pool: string; nodes: number }[] = [];
  for (const pool of poolsOf(cluster)) {
    const n = effectivePool(pool, cluster).maxNodes;
    if (typeof n !== 'number')
      return {
        ok: false,
        why: `the node count of pool ${poolLabel(pool)} is ${isUnknown(n) ? n.expression : 'not set'}`,
      };
    out.push({ pool: poolLabel(pool), nodes: n });
  }
  return { ok: true, value: out };
}

/** Overlay pod range capacity: one /24 per node. */
export interface PodRangeCapacity {
  /** The IPv4 pod range. */
  readonly range: Cidr;
  readonly defaulted: boolean;
  /** Its /24 blocks: the most nodes it allows. */
  readonly nodesAllowed: number;
  /** The most nodes the pools can reach, per pool. */
  readonly poolNodes: Known<{ pool: string; nodes: number }[]>;
}

/** The IPv4 pod range capacity of an overlay cluster; undefined for other modes or without a valid IPv4 pod range. */
export function podRangeCapacity(cluster: ClusterModel): PodRangeCapacity | undefined {
  const net = effectiveNetwork(cluster);
  if (net.mode !== 'overlay' || isUnknown(net.podCidrs) || net.podCidrs === undefined) return undefined;
  for (const raw of net.podCidrs) {
    const r = tryParseCidr(raw, 'IPv4');
    if (r.ok)
      return {
        range: r.cidr,
        defaulted: net.podCidrsDefaulted,
        nodesAllowed: count24Blocks(r.cidr),
        poolNodes: poolMaxNodes(cluster),
      };
  }
  return undefined;
}

/** A node subnet's usable addresses against what its pools need. */
export interface SubnetUsage {
  readonly subnet: SubnetModel;
  readonly pools: readonly string[];
  /** Addresses of its IPv4 prefixes minus Azure's reserved 5 per prefix. */
  readonly usable: Known<number>;
  /** (most nodes + surge) per pool, times (1 + max_pods) in node-subnet mode. */
  readonly needed: Known<number>;
}

/**
 * The node subnets of a cluster's pools with their usable and needed addresses (the quantities
 * `network/subnet-capacity` compares), in pool order. Pools of other clusters on the same subnet
 * are not counted here.
 */
export function subnetUsage(cluster: ClusterModel): SubnetUsage[] {
  const bySubnet = new Map<string, { subnet: SubnetModel; pools: NodePoolModel[] }>();
  for (const pool of poolsOf(cluster)) {
    if (!pool.subnet) continue;
    const entry = bySubnet.get(pool.subnet.id) ?? { subnet: pool.subnet, pools: [] };
    entry.pools.push(pool);
    bySubnet.set(pool.subnet.id, entry);
  }
  return [...bySubnet.values()].map(({ subnet, pools }): SubnetUsage => {
    const prefixes = asStringList(subnet.addressPrefixes);
    let usable: Known<number>;
    if (prefixes === undefined || isUnknown(prefixes)) usable = { ok: false, why: 'address prefixes unknown' };
    else {
      const v4 = prefixes.map((p) => tryParseCidr(p, 'IPv4')).flatMap((r) => (r.ok ? [r.cidr] : []));
      usable =
        v4.length === 0 ? { ok: false, why: 'no valid IPv4 prefix' } : { ok: true, value: usableSubnetAddresses(v4) };
    }
    let needed: Known<number> = { ok: true, value: 0 };
    for (const pool of pools) {
      const d = poolSubnetDemand(pool, cluster);
      if (!d.ok) {
        needed = { ok: false, why: `${d.what} of ${poolLabel(pool)} unknown` };
        break;
      }
      needed = { ok: true, value: needed.value + d.addresses };
    }
    return { subnet, pools: pools.map(poolLabel), usable, needed };
  });
}
