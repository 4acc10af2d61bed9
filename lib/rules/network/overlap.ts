/**
 * `network/overlap` and `network/overlap-vnet-space`. AKS compares a cluster's pod and service ranges
 * with the SUBNETS of its VNet, not the VNet's address space: "Azure CNI Overlay now checks that the
 * pod CIDR does not conflict with any subnet in the virtual network, rather than checking if it
 * conflicts with the virtual network address space as a whole" (AKS changelog 2024-10-25); API
 * `serviceCidr`: "It must not overlap with any Subnet IP ranges"; `az aks create`'s own default puts the
 * 10.0.0.0/16 service range inside a 10.0.0.0/8 VNet. Ranges of different clusters may overlap ("You can
 * use the same pod CIDR space on multiple independent AKS clusters in the same virtual network").
 * No cdktf imports.
 */
import { overlaps, type Cidr } from '../../net';
import { isUnknown, poolsOf, type ClusterModel, type PlanModel, type SubnetModel } from '../../model';
import { clusterRule, modelRule, type RuleApi } from '../frame';
import type { Finding } from '../types';
import { clusterRanges, describe, fixFor, subnetRanges, unique, vnetRanges, type Range } from './ranges';

const subnetIndex = new WeakMap<PlanModel, Map<string, SubnetModel[]>>();

/** The document's subnets by VNet key (indexed once per model). */
function subnetsOfVnet(model: PlanModel, key: string): SubnetModel[] {
  let index = subnetIndex.get(model);
  if (!index) {
    index = new Map();
    for (const s of model.subnets) {
      if (s.virtualNetworkKey === undefined) continue;
      const list = index.get(s.virtualNetworkKey);
      if (list) list.push(s);
      else index.set(s.virtualNetworkKey, [s]);
    }
    subnetIndex.set(model, index);
  }
  return index.get(key) ?? [];
}

/** The cluster's own ranges, every subnet of the VNets its pools use, and those VNets' spaces. */
function clusterView(r: RuleApi, cluster: ClusterModel) {
  const own = clusterRanges(r, cluster);
  const poolSubnets = unique(poolsOf(cluster).map((p) => p.subnet));
  const keys = unique(poolSubnets.map((s) => s.virtualNetworkKey));
  const subnets = unique([...poolSubnets, ...keys.flatMap((k) => subnetsOfVnet(r.model, k))]);
  const sub = subnetRanges(r, subnets);
  const vnets = vnetRanges(r, unique(poolSubnets.map((s) => s.virtualNetwork)));
  const taken: Cidr[] = [...own.ranges, ...sub.ranges, ...vnets.ranges].map((x) => x.cidr);
  return { own, sub, vnets, taken };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.address}\n${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `network/overlap` per cluster: pod vs service, and both vs every subnet of the cluster's VNets. */
const clusterOverlap = clusterRule('network/overlap', (cluster, r) => {
  const { own, sub, taken } = clusterView(r, cluster);
  const out: Finding[] = [...own.stops, ...sub.stops];
  // a node subnet written as an expression the document cannot follow: its VNet's subnets are not compared
  for (const pool of poolsOf(cluster)) {
    if (pool.subnet || !isUnknown(pool.vnetSubnetId)) continue;
    const n = r.need(pool, 'vnet_subnet_id', pool.vnetSubnetId);
    if (!n.ok) out.push(...n.stop);
  }
  const o = own.ranges;
  for (let i = 0; i < o.length; i++) {
    for (let j = i + 1; j < o.length; j++) {
      if (o[i].kind !== o[j].kind && overlaps(o[i].cidr, o[j].cidr))
        out.push(r.report(cluster, `${describe(o[i])} overlaps ${describe(o[j])}`, fixFor(o[i], taken)));
    }
  }
  for (const range of o) {
    for (const s of sub.ranges) {
      if (overlaps(range.cidr, s.cidr))
        out.push(
          r.report(cluster, `${describe(range)} overlaps ${describe(s)} of its virtual network`, fixFor(range, taken)),
        );
    }
  }
  return dedupe(out);
});

/** `network/overlap` across the document: two subnets of one VNet (Azure rejects the second subnet). */
const subnetOverlap = modelRule('network/overlap', (r) => {
  const byVnet = new Map<string, Range[]>();
  for (const s of subnetRanges(r, r.model.subnets).ranges) {
    if (s.vnetKey === undefined) continue;
    const list = byVnet.get(s.vnetKey);
    if (list) list.push(s);
    else byVnet.set(s.vnetKey, [s]);
  }
  const out: Finding[] = [];
  for (const list of byVnet.values()) {
    const taken = list.map((x) => x.cidr);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (list[i].owner !== list[j].owner && overlaps(list[i].cidr, list[j].cidr)) {
          out.push(
            r.report(
              list[j].owner,
              `${describe(list[j])} overlaps ${describe(list[i])} in the same virtual network`,
              fixFor(list[j], taken),
            ),
          );
        }
      }
    }
  }
  return out;
});

/** `network/overlap`: both parts under one id. */
export const overlap = {
  ...clusterOverlap,
  check: (m: PlanModel, c: Parameters<typeof clusterOverlap.check>[1]) => [
    ...clusterOverlap.check(m, c),
    ...subnetOverlap.check(m, c),
  ],
};

/** `network/overlap-vnet-space`: a range inside a VNet's space that hits no subnet the document knows. */
export const overlapVnetSpace = clusterRule('network/overlap-vnet-space', (cluster, r) => {
  const { own, sub, vnets } = clusterView(r, cluster);
  const out: Finding[] = [];
  for (const range of own.ranges) {
    for (const v of vnets.ranges) {
      if (!overlaps(range.cidr, v.cidr)) continue;
      const hits = sub.ranges.some((s) => s.vnetKey === v.vnetKey && overlaps(range.cidr, s.cidr));
      if (hits) continue; // network/overlap reports it
      out.push(
        r.report(
          cluster,
          `${describe(range)} lies inside ${describe(v)} but overlaps none of its subnets known here; AKS accepts it, but a subnet added there later would collide`,
          `prefer a ${range.kind} outside the VNet's address space, e.g. outside ${v.cidr.normalized}`,
        ),
      );
    }
  }
  return dedupe(out);
});
