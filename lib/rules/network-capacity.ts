/**
 * The network rules of RULES.md that cross resources: `network/overlap`,
 * `network/reserved-range`, `network/pod-cidr-capacity` and `network/subnet-capacity`. They work
 * across the whole document: every cluster's pod and service ranges (defaults applied), every
 * VNet and subnet of the document, and existing subnets known only from the check context.
 * Pure functions model -> findings; no cdktf imports.
 *
 * Ranges that do not parse are left to `network/cidr-syntax`; these rules skip them silently.
 */
import { count24Blocks, overlaps, parseCidr, tryParseCidr, type Cidr, type IpFamily } from '../net';
import type { ClusterModel, Located, NodePoolModel, PlanModel, SubnetModel, Unknown, Value, VirtualNetworkModel } from '../model';
import { asStringList, clusterOf, effectiveNetwork, effectivePool, poolsOf, type EffectiveNetwork } from '../model';
import { isUnknown } from '../model';
import type { Finding, Rule } from './types';
import { error, skipped } from './finding';

/** Ranges AKS reserves: no pod, service or node range may overlap them. */
export const RESERVED_RANGES: readonly string[] = ['169.254.0.0/16', '172.30.0.0/16', '172.31.0.0/16', '192.0.2.0/24'];
/** {@link RESERVED_RANGES}, parsed once. */
const RESERVED_CIDRS: readonly Cidr[] = RESERVED_RANGES.map((r) => parseCidr(r));
/** Addresses Azure reserves in every subnet (network, gateway, 2 DNS, broadcast). */
export const AZURE_SUBNET_RESERVED = 5;

/** Surge nodes during an upgrade: 1 node or 10%, whichever is more (none for a pool of 0 nodes). */
export function surgeNodes(nodes: number): number {
  return nodes <= 0 ? 0 : Math.max(1, Math.ceil(nodes / 10));
}

/** What a range is, for messages. */
type RangeKind = 'pod range' | 'service range' | 'VNet address space' | 'subnet';

/** One parsed range of the document, with what owns it. */
interface Range {
  readonly cidr: Cidr;
  readonly kind: RangeKind;
  readonly owner: Located;
  /** The cluster of a pod or service range. */
  readonly cluster?: string;
  /** The key of the VNet a subnet lies in (or of the VNet itself). */
  readonly vnetKey?: string;
}

function describe(r: Range): string {
  const who = r.kind === 'pod range' || r.kind === 'service range' ? `of ${r.cluster}` : `(${r.owner.address})`;
  return `${r.kind} ${r.cidr.normalized} ${who}`;
}

/** Parses the strings of a list value; an Unknown (or an Unknown item) is returned as it is. Bad ranges are dropped. */
function parseList(v: Value<readonly string[]>): Cidr[] | Unknown {
  if (isUnknown(v)) return v;
  const out: Cidr[] = [];
  for (const s of v ?? []) {
    const r = tryParseCidr(s);
    if (r.ok) out.push(r.cidr);
  }
  return out;
}

/** What to name in a skipped warning for unknown ranges: the ranges' attribute, or `ip_versions` when an Unknown family list leaves the default ranges unknown. */
function unknownRangesLabel(net: EffectiveNetwork, kind: string, attr: string, u: Unknown): string {
  const fromFamilies = isUnknown(net.families) && u.expression === net.families.expression;
  return fromFamilies ? `network_profile.ip_versions (which decides the default ${kind}s)` : attr;
}

/** A cluster's pod and service ranges (defaults applied), and skipped-rule warnings for Unknowns. */
function clusterRanges(rule: Rule, cluster: ClusterModel): { ranges: Range[]; skips: Finding[] } {
  const net = effectiveNetwork(cluster);
  const ranges: Range[] = [];
  const skips: Finding[] = [];
  for (const [kind, value, attr] of [
    ['pod range', net.podCidrs, 'network_profile.pod_cidr(s)'],
    ['service range', net.serviceCidrs, 'network_profile.service_cidr(s)'],
  ] as const) {
    const parsed = parseList(value);
    if (isUnknown(parsed)) {
      skips.push(skipped(rule, cluster, unknownRangesLabel(net, kind, attr, parsed), parsed));
    }
    else for (const cidr of parsed) ranges.push({ cidr, kind, owner: cluster, cluster: cluster.address });
  }
  return { ranges, skips };
}

/** The address spaces of VNets. External VNets (known from a subnet ID) without a known space are left out silently. */
function vnetRanges(rule: Rule, virtualNetworks: readonly VirtualNetworkModel[]): { ranges: Range[]; skips: Finding[] } {
  const ranges: Range[] = [];
  const skips: Finding[] = [];
  for (const v of virtualNetworks) {
    const parsed = parseList(asStringList(v.addressSpace));
    if (isUnknown(parsed)) {
      if (!v.external) skips.push(skipped(rule, v, 'address_space', parsed));
      continue;
    }
    for (const cidr of parsed) ranges.push({ cidr, kind: 'VNet address space', owner: v, vnetKey: v.address });
  }
  return { ranges, skips };
}

/** The prefixes of subnets, with a skipped-rule warning for each subnet whose prefixes are unknown. */
function subnetRanges(rule: Rule, subnets: readonly SubnetModel[]): { ranges: Range[]; skips: Finding[] } {
  const ranges: Range[] = [];
  const skips: Finding[] = [];
  for (const s of subnets) {
    const parsed = parseList(asStringList(s.addressPrefixes));
    if (isUnknown(parsed)) {
      skips.push(skipped(rule, s, 'address_prefixes', parsed));
      continue;
    }
    for (const cidr of parsed) ranges.push({ cidr, kind: 'subnet', owner: s, vnetKey: s.virtualNetworkKey });
  }
  return { ranges, skips };
}

/** The subnets that node pools use (each once). */
function nodeSubnets(model: PlanModel): SubnetModel[] {
  const seen = new Map<string, SubnetModel>();
  for (const p of model.nodePools) if (p.subnet && !seen.has(p.subnet.id)) seen.set(p.subnet.id, p.subnet);
  return [...seen.values()];
}

const IPV4_CANDIDATES = ['10.244.0.0', '192.168.0.0', '172.16.0.0', '100.64.0.0', '10.128.0.0', '10.200.0.0', '172.20.0.0', '10.64.0.0'];
const IPV6_CANDIDATES = ['fd12:3456:789a::', 'fd00:10:244::', 'fd98:7654:3210::', 'fdaa:bbbb:cccc::'];

/**
 * A range of `family` with `prefixLength` that overlaps none of `taken` nor the reserved ranges,
 * from a short list of private candidates; undefined when none fits.
 */
export function suggestFreeRange(family: IpFamily, prefixLength: number, taken: readonly Cidr[]): string | undefined {
  for (const base of family === 'IPv4' ? IPV4_CANDIDATES : IPV6_CANDIDATES) {
    const r = tryParseCidr(`${base}/${prefixLength}`);
    if (!r.ok) continue;
    const c = parseCidr(r.cidr.normalized);
    if (!taken.some((t) => overlaps(t, c)) && !RESERVED_CIDRS.some((t) => overlaps(t, c))) return c.normalized;
  }
  return undefined;
}

function fixFor(r: Range, taken: readonly Cidr[]): string {
  const free = r.kind === 'pod range' || r.kind === 'service range' ? suggestFreeRange(r.cidr.family, r.cidr.prefixLength, taken) : undefined;
  const what = r.kind === 'pod range' ? 'pod range' : r.kind === 'service range' ? 'service range' : r.kind === 'subnet' ? 'subnet prefix' : 'address space';
  return free ? `move the ${what} ${r.cidr.normalized} to a free range, e.g. ${free}` : `move the ${what} ${r.cidr.normalized} to a range that overlaps nothing else in the plan`;
}

/**
 * `network/overlap`, scoped the way Azure sees it: per cluster, its pod and service ranges, the
 * subnets its pools use and the VNets of those subnets; across the document, the subnets of one
 * VNet. Ranges of different clusters, and VNets that no cluster shares, may overlap (Azure allows
 * reusing pod ranges across clusters, and unpeered VNets may share address space), so 100
 * copies of one environment in a document give no cross-cluster findings and cost linear time.
 */
const overlap: Rule = {
  id: 'network/overlap',
  severity: 'error',
  description: 'no two of a cluster\'s pod ranges, service ranges, VNet address spaces and node subnets overlap, nor two subnets of one VNet (same family)',
  check: (model) => {
    const out: Finding[] = [];
    const skips = new Map<string, Finding>();
    const addSkips = (fs: readonly Finding[]) => { for (const f of fs) skips.set(`${f.address}\n${f.message}`, f); };
    const report = (a: Range, b: Range, taken: readonly Cidr[]) => {
      // the finding goes to the cluster range when there is one, else to the first element
      const [target, other] = b.cluster !== undefined && a.cluster === undefined ? [b, a] : [a, b];
      out.push(error(overlap, target.owner, `${describe(target)} overlaps ${describe(other)}`, fixFor(target, taken)));
    };
    for (const cluster of model.clusters) {
      const own = clusterRanges(overlap, cluster);
      const subnetModels = unique(poolsOf(cluster).map((p) => p.subnet));
      const subnets = subnetRanges(overlap, subnetModels);
      const vnets = vnetRanges(overlap, unique(subnetModels.map((s) => s.virtualNetwork)));
      addSkips([...own.skips, ...subnets.skips, ...vnets.skips]);
      const taken = [...own.ranges, ...vnets.ranges, ...subnets.ranges].map((r) => r.cidr);
      // 1. pod and service ranges of the cluster against each other
      const r = own.ranges;
      for (let i = 0; i < r.length; i++) {
        for (let j = i + 1; j < r.length; j++) {
          if (r[i].kind !== r[j].kind && overlaps(r[i].cidr, r[j].cidr)) report(r[i], r[j], taken);
        }
      }
      // 2. the cluster's ranges against its VNets, and against its subnets whose VNet was not hit already
      for (const range of own.ranges) {
        const hitVnets = new Set<string>();
        for (const v of vnets.ranges) {
          if (!overlaps(range.cidr, v.cidr)) continue;
          report(range, v, taken);
          if (v.vnetKey !== undefined) hitVnets.add(v.vnetKey);
        }
        for (const s of subnets.ranges) {
          if (s.vnetKey !== undefined && hitVnets.has(s.vnetKey)) continue;
          if (overlaps(range.cidr, s.cidr)) report(s, range, taken);
        }
      }
    }
    // 3. subnets of one VNet against each other (Azure rejects the second subnet)
    const byVnet = new Map<string, Range[]>();
    for (const s of subnetRanges(overlap, model.subnets).ranges) {
      if (s.vnetKey === undefined) continue;
      const list = byVnet.get(s.vnetKey) ?? [];
      list.push(s);
      byVnet.set(s.vnetKey, list);
    }
    for (const list of byVnet.values()) {
      const taken = list.map((x) => x.cidr);
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          if (list[i].owner !== list[j].owner && overlaps(list[i].cidr, list[j].cidr)) report(list[j], list[i], taken);
        }
      }
    }
    return [...skips.values(), ...out];
  },
};

/** The defined values of a list, each once, in order. */
function unique<T>(xs: readonly (T | undefined)[]): T[] {
  return [...new Set(xs.filter((x): x is T => x !== undefined))];
}

const reservedRange: Rule = {
  id: 'network/reserved-range',
  severity: 'error',
  description: 'no pod, service or node range overlaps 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, 192.0.2.0/24',
  check: (model) => {
    const out: Finding[] = [];
    const parts = [...model.clusters.map((c) => clusterRanges(reservedRange, c)), subnetRanges(reservedRange, nodeSubnets(model))];
    const all = parts.flatMap((p) => p.ranges);
    const taken = all.map((r) => r.cidr);
    for (const part of parts) {
      out.push(...part.skips);
      for (const r of part.ranges) {
        const hit = RESERVED_CIDRS.filter((x) => overlaps(r.cidr, x)).map((x) => x.normalized);
        if (hit.length === 0) continue;
        const label = r.kind === 'subnet' ? `node subnet ${r.cidr.normalized} (${r.owner.address})` : describe(r);
        out.push(error(reservedRange, r.owner, `${label} overlaps ${hit.join(', ')}, which AKS reserves`, fixFor(r, taken)));
      }
    }
    return out;
  },
};

/** The most nodes a pool can reach, or the finding that stops the rule. */
/** The usable addresses of a subnet's IPv4 prefixes: their sizes minus Azure's 5 reserved addresses per prefix. */
export function usableSubnetAddresses(prefixes: readonly Cidr[]): number {
  return prefixes.filter((c) => c.family === 'IPv4').reduce((n, c) => n + Number(c.size) - AZURE_SUBNET_RESERVED, 0);
}

/** What one pool takes of its node subnet, or the unresolved value that keeps it from being known. */
export type PoolSubnetDemand =
  | {
    readonly ok: true;
    /** The most nodes the pool can reach. */
    readonly nodes: number;
    /** Upgrade surge nodes ({@link surgeNodes}). */
    readonly surge: number;
    /** Addresses per node: 1, or 1 + max_pods in node-subnet mode without a pod subnet. */
    readonly perNode: number;
    /** (nodes + surge) x perNode. */
    readonly addresses: number;
  }
  | {
    readonly ok: false;
    /** The element whose value is unresolved. */
    readonly element: Located;
    /** The attribute, for a skipped-rule message. */
    readonly what: string;
    readonly value: Unknown | string;
  };

/**
 * The addresses a pool takes in its node subnet: (most nodes + surge), times (1 + max_pods) in
 * node-subnet mode, where every pod takes a subnet address (unless the pool has a
 * `pod_subnet_id`: dynamic IP allocation puts pods in the pod subnet). The one formula of
 * `network/subnet-capacity`, shared with the CLI report.
 */
export function poolSubnetDemand(pool: NodePoolModel, cluster: ClusterModel | undefined): PoolSubnetDemand {
  const eff = effectivePool(pool, cluster);
  if (isUnknown(eff.maxNodes)) {
    const what = isUnknown(eff.autoscaling) ? 'auto_scaling_enabled' : eff.autoscaling ? 'max_count' : 'node_count';
    return { ok: false, element: pool, what, value: eff.maxNodes };
  }
  const nodes = eff.maxNodes ?? 0;
  let perNode = 1;
  if (cluster) {
    const mode = effectiveNetwork(cluster).mode;
    if (isUnknown(mode)) return { ok: false, element: cluster, what: 'the network mode (network_plugin / network_plugin_mode)', value: mode };
    if (mode === 'node-subnet' && pool.podSubnetId === undefined) {
      if (isUnknown(eff.maxPods) || eff.maxPods === undefined) return { ok: false, element: pool, what: 'max_pods', value: isUnknown(eff.maxPods) ? eff.maxPods : 'max_pods' };
      perNode = 1 + eff.maxPods;
    }
  }
  const surge = surgeNodes(nodes);
  return { ok: true, nodes, surge, perNode, addresses: (nodes + surge) * perNode };
}

function maxNodesOf(rule: Rule, pool: NodePoolModel, cluster: ClusterModel | undefined): number | Finding {
  const eff = effectivePool(pool, cluster);
  if (isUnknown(eff.maxNodes)) {
    const attribute = isUnknown(eff.autoscaling) ? 'auto_scaling_enabled' : eff.autoscaling ? 'max_count' : 'node_count';
    return skipped(rule, pool, attribute, eff.maxNodes);
  }
  return eff.maxNodes ?? 0;
}

function poolName(pool: NodePoolModel): string {
  return typeof pool.name === 'string' ? pool.name : pool.address;
}

function isFinding(x: unknown): x is Finding {
  return typeof x === 'object' && x !== null && typeof (x as Finding).ruleId === 'string';
}

const podCidrCapacity: Rule = {
  id: 'network/pod-cidr-capacity',
  severity: 'error',
  description: 'overlay: the IPv4 pod range is /24 or larger and holds a /24 for every node all pools can reach',
  check: (model) =>
    model.clusters.flatMap((cluster): Finding[] => {
      const net = effectiveNetwork(cluster);
      if (isUnknown(net.mode)) return [skipped(podCidrCapacity, cluster, 'the network mode (network_plugin / network_plugin_mode)', net.mode)];
      if (net.mode !== 'overlay') return [];
      const pods = parseList(net.podCidrs);
      if (isUnknown(pods)) return [skipped(podCidrCapacity, cluster, unknownRangesLabel(net, 'pod range', 'network_profile.pod_cidr(s)', pods), pods)];
      const v4 = pods.find((c) => c.family === 'IPv4');
      if (!v4) return [];
      if (v4.prefixLength > 24) {
        return [error(podCidrCapacity, cluster, `pod range ${v4.normalized} of ${cluster.address} is smaller than /24; overlay gives every node a /24`, `use a /24 or larger, e.g. ${parseCidr(`${v4.network}/24`).normalized}`)];
      }
      const counts: string[] = [];
      let total = 0;
      for (const pool of poolsOf(cluster)) {
        const n = maxNodesOf(podCidrCapacity, pool, cluster);
        if (isFinding(n)) return [n];
        total += n;
        counts.push(`${poolName(pool)}: ${n}`);
      }
      const blocks = count24Blocks(v4);
      if (total <= blocks) return [];
      const bits = Math.ceil(Math.log2(total));
      const prefix = Math.max(0, 24 - bits);
      const suggestion = parseCidr(`${v4.network}/${prefix}`).normalized;
      return [error(podCidrCapacity, cluster, `pod range ${v4.normalized} of ${cluster.address} holds ${blocks} /24 block(s), one per node, but its pools can reach ${total} nodes (${counts.join(', ')})`, `use a /${prefix} or larger pod range, e.g. ${suggestion}, or lower node_count/max_count`)];
    }),
};

const subnetCapacity: Rule = {
  id: 'network/subnet-capacity',
  severity: 'error',
  description: "a node subnet holds its pools' most nodes plus surge plus Azure's 5 reserved addresses; node-subnet mode adds max_pods per node",
  check: (model) => {
    const out: Finding[] = [];
    const bySubnet = new Map<string, { subnet: SubnetModel; pools: NodePoolModel[] }>();
    for (const pool of model.nodePools) {
      if (isUnknown(pool.vnetSubnetId) && !pool.subnet) {
        out.push(skipped(subnetCapacity, pool, 'vnet_subnet_id', pool.vnetSubnetId));
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
        out.push(skipped(subnetCapacity, subnet, 'address_prefixes', prefixes));
        continue;
      }
      const v4 = prefixes.filter((c) => c.family === 'IPv4');
      if (v4.length === 0) continue;
      const usable = usableSubnetAddresses(v4);
      let needed = 0;
      const parts: string[] = [];
      let stop: Finding | undefined;
      for (const pool of pools) {
        const d = poolSubnetDemand(pool, clusterOf(model, pool));
        if (!d.ok) {
          stop = skipped(subnetCapacity, d.element, d.what, d.value);
          break;
        }
        needed += d.addresses;
        parts.push(`${poolName(pool)}: (${d.nodes} nodes + ${d.surge} surge)${d.perNode > 1 ? ` x (1 + ${d.perNode - 1} max_pods)` : ''}`);
      }
      if (stop) {
        out.push(stop);
        continue;
      }
      if (needed <= usable) continue;
      const first = v4[0];
      let prefix = first.prefixLength;
      while (prefix > 0 && 2 ** (32 - prefix) - AZURE_SUBNET_RESERVED < needed) prefix--;
      const suggestion = parseCidr(`${first.network}/${prefix}`).normalized;
      out.push(error(subnetCapacity, subnet, `subnet ${v4.map((c) => c.normalized).join(', ')} (${subnet.address}) has ${usable} usable addresses (after Azure's ${AZURE_SUBNET_RESERVED} reserved) but its pools need ${needed}: ${parts.join('; ')}`, `use a /${prefix} or larger subnet, e.g. ${suggestion}, or lower node_count/max_count${parts.some((p) => p.includes('max_pods')) ? '/max_pods' : ''}`));
    }
    return out;
  },
};

/** The cross-resource network rules, in catalogue order. */
export const networkCapacityRules: Rule[] = [overlap, reservedRange, podCidrCapacity, subnetCapacity];
