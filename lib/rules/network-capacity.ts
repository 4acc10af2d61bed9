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
import type { ClusterModel, Located, NodePoolModel, PlanModel, SubnetModel, Unknown, Value } from '../model/types';
import { asStringList, clusterOf, effectiveNetwork, effectivePool, poolsOf, type EffectiveNetwork } from '../model/effective';
import { isUnknown } from '../model/read';
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
  /** Whether a subnet's own VNet address space is known, so that VNet-VNet findings cover it. */
  readonly vnetSpaceKnown?: boolean;
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

/** The document's VNet address spaces. External VNets (known from a subnet ID) without a known space are left out silently. */
function vnetRanges(rule: Rule, model: PlanModel): { ranges: Range[]; skips: Finding[] } {
  const ranges: Range[] = [];
  const skips: Finding[] = [];
  for (const v of model.virtualNetworks) {
    const parsed = parseList(asStringList(v.addressSpace));
    if (isUnknown(parsed)) {
      if (!v.external) skips.push(skipped(rule, v, 'address_space', parsed));
      continue;
    }
    for (const cidr of parsed) ranges.push({ cidr, kind: 'VNet address space', owner: v, vnetKey: v.address });
  }
  return { ranges, skips };
}

function vnetSpaceKnown(s: SubnetModel): boolean {
  return s.virtualNetwork !== undefined && !isUnknown(s.virtualNetwork.addressSpace) && s.virtualNetwork.addressSpace !== undefined;
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
    for (const cidr of parsed) ranges.push({ cidr, kind: 'subnet', owner: s, vnetKey: s.virtualNetworkKey, vnetSpaceKnown: vnetSpaceKnown(s) });
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

const overlap: Rule = {
  id: 'network/overlap',
  severity: 'error',
  description: 'no two of pod ranges, service ranges, VNet address spaces and subnets overlap (same family)',
  check: (model) => {
    const out: Finding[] = [];
    const clusterParts = model.clusters.map((c) => clusterRanges(overlap, c));
    const vnets = vnetRanges(overlap, model);
    const subnets = subnetRanges(overlap, model.subnets);
    for (const part of [...clusterParts, vnets, subnets]) out.push(...part.skips);
    const all = [...clusterParts.flatMap((p) => p.ranges), ...vnets.ranges, ...subnets.ranges];
    const taken = all.map((r) => r.cidr);
    const report = (a: Range, b: Range) => {
      // the finding goes to the cluster range when there is one, else to the later element
      const [target, other] = b.cluster !== undefined && a.cluster === undefined ? [b, a] : [a, b];
      out.push(error(overlap, target.owner, `${describe(target)} overlaps ${describe(other)}`, fixFor(target, taken)));
    };
    // 1. pod and service ranges of one cluster against each other
    for (const { ranges } of clusterParts) {
      for (let i = 0; i < ranges.length; i++) {
        for (let j = i + 1; j < ranges.length; j++) {
          if (ranges[i].kind !== ranges[j].kind && overlaps(ranges[i].cidr, ranges[j].cidr)) report(ranges[i], ranges[j]);
        }
      }
    }
    // 2. every cluster range against every VNet and subnet of the document (a subnet only when its
    //    VNet's overlap was not reported already)
    for (const r of clusterParts.flatMap((p) => p.ranges)) {
      const hitVnets = new Set<string>();
      for (const v of vnets.ranges) {
        if (overlaps(r.cidr, v.cidr)) {
          report(r, v);
          if (v.vnetKey !== undefined) hitVnets.add(v.vnetKey);
        }
      }
      for (const s of subnets.ranges) {
        if (s.vnetKey !== undefined && hitVnets.has(s.vnetKey)) continue;
        if (overlaps(r.cidr, s.cidr)) report(s, r);
      }
    }
    // 3. VNets against each other
    const vnetPairs = new Set<string>();
    for (let i = 0; i < vnets.ranges.length; i++) {
      for (let j = i + 1; j < vnets.ranges.length; j++) {
        const a = vnets.ranges[i];
        const b = vnets.ranges[j];
        if (a.vnetKey === b.vnetKey || !overlaps(a.cidr, b.cidr)) continue;
        vnetPairs.add(`${a.vnetKey}\n${b.vnetKey}`).add(`${b.vnetKey}\n${a.vnetKey}`);
        report(b, a);
      }
    }
    // 4. subnets against each other (unless their VNets' overlap was reported), and a subnet whose
    //    own VNet space is unknown against the document's other VNets
    for (let i = 0; i < subnets.ranges.length; i++) {
      const a = subnets.ranges[i];
      for (let j = i + 1; j < subnets.ranges.length; j++) {
        const b = subnets.ranges[j];
        if (a.owner === b.owner || !overlaps(a.cidr, b.cidr)) continue;
        if (a.vnetKey !== undefined && b.vnetKey !== undefined && vnetPairs.has(`${a.vnetKey}\n${b.vnetKey}`)) continue;
        report(b, a);
      }
      if (!a.vnetSpaceKnown) {
        for (const v of vnets.ranges) if (v.vnetKey !== a.vnetKey && overlaps(a.cidr, v.cidr)) report(a, v);
      }
    }
    return out;
  },
};

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
      const usable = v4.reduce((n, c) => n + Number(c.size), 0) - AZURE_SUBNET_RESERVED * v4.length;
      let needed = 0;
      const parts: string[] = [];
      let stop: Finding | undefined;
      for (const pool of pools) {
        const cluster = clusterOf(model, pool);
        const nodes = maxNodesOf(subnetCapacity, pool, cluster);
        if (isFinding(nodes)) {
          stop = nodes;
          break;
        }
        let perNode = 1;
        if (cluster) {
          const mode = effectiveNetwork(cluster).mode;
          if (isUnknown(mode)) {
            stop = skipped(subnetCapacity, cluster, 'the network mode (network_plugin / network_plugin_mode)', mode);
            break;
          }
          // with pod_subnet_id (dynamic IP allocation) pods take addresses of the pod subnet, not of the node subnet
          if (mode === 'node-subnet' && pool.podSubnetId === undefined) {
            const maxPods = effectivePool(pool, cluster).maxPods;
            if (isUnknown(maxPods) || maxPods === undefined) {
              stop = skipped(subnetCapacity, pool, 'max_pods', isUnknown(maxPods) ? maxPods : 'max_pods');
              break;
            }
            perNode = 1 + maxPods;
          }
        }
        const surge = surgeNodes(nodes);
        needed += (nodes + surge) * perNode;
        parts.push(`${poolName(pool)}: (${nodes} nodes + ${surge} surge)${perNode > 1 ? ` x (1 + ${perNode - 1} max_pods)` : ''}`);
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
