/**
 * The parsed ranges of a document that the overlap and reserved-range rules compare, with what owns
 * them, and free-range suggestions for fixes. No cdktf imports.
 */
import { RESERVED_RANGES } from '../../facts';
import { overlaps, parseCidr, tryParseCidr, type Cidr, type IpFamily } from '../../net';
import {
  asStringList,
  effectiveNetwork,
  isUnknown,
  type ClusterModel,
  type Located,
  type SubnetModel,
  type Unknown,
  type Value,
  type VirtualNetworkModel,
} from '../../model';
import type { RuleApi } from '../frame';
import type { Finding } from '../types';

/** What a range is, for messages. */
export type RangeKind = 'pod range' | 'service range' | 'VNet address space' | 'subnet';

/** One parsed range of the document, with what owns it. */
export interface Range {
  readonly cidr: Cidr;
  readonly kind: RangeKind;
  readonly owner: Located;
  /** The cluster of a pod or service range. */
  readonly cluster?: string;
  /** The key of the VNet a subnet lies in (or of the VNet itself). */
  readonly vnetKey?: string;
}

/** The reserved ranges, parsed once. */
export const RESERVED_CIDRS: readonly Cidr[] = RESERVED_RANGES.map((r) => parseCidr(r));

/** `pod range 10.244.0.0/16 of azurerm_kubernetes_cluster.aks`, `subnet 10.1.0.0/24 (azurerm_subnet.a)`. */
export function describe(r: Range): string {
  const who = r.kind === 'pod range' || r.kind === 'service range' ? `of ${r.cluster}` : `(${r.owner.address})`;
  return `${r.kind} ${r.cidr.normalized} ${who}`;
}

/** Parses a list value; an Unknown is returned as it is; bad ranges are dropped (cidr-syntax reports them). */
export function parseList(v: Value<readonly string[]>): Cidr[] | Unknown {
  if (isUnknown(v)) return v;
  const out: Cidr[] = [];
  for (const s of v ?? []) {
    const r = tryParseCidr(s);
    if (r.ok) out.push(r.cidr);
  }
  return out;
}

/** Ranges and the findings that say which could not be read. */
export interface Ranges {
  readonly ranges: Range[];
  readonly stops: Finding[];
}

function stopFor(r: RuleApi, el: Located, what: string, u: Unknown): Finding[] {
  const n = r.need(el, what, u);
  return n.ok ? [] : n.stop;
}

/** A cluster's pod and service ranges known before apply (defaults applied). */
export function clusterRanges(r: RuleApi, cluster: ClusterModel): Ranges {
  const net = effectiveNetwork(cluster);
  const ranges: Range[] = [];
  const stops: Finding[] = [];
  for (const [kind, value, attr] of [
    ['pod range', net.podCidrs, 'network_profile.pod_cidr(s)'],
    ['service range', net.serviceCidrs, 'network_profile.service_cidr(s)'],
  ] as const) {
    const parsed = parseList(value);
    // no pod range written and the mode unknown: the mode decides the range, so name it
    const what =
      isUnknown(net.mode) && parsed === net.mode
        ? cluster.networkProfile.present
          ? `the network mode, which decides the ${kind}`
          : `kubernetes_version (without a network_profile, AKS picks the network mode, which decides the ${kind}, by version)`
        : attr;
    if (isUnknown(parsed)) stops.push(...stopFor(r, cluster, what, parsed));
    else for (const cidr of parsed) ranges.push({ cidr, kind, owner: cluster, cluster: cluster.address });
  }
  return { ranges, stops };
}

/** The address spaces of VNets; existing VNets without a known space are left out silently. */
export function vnetRanges(r: RuleApi, vnets: readonly VirtualNetworkModel[]): Ranges {
  const ranges: Range[] = [];
  const stops: Finding[] = [];
  for (const v of vnets) {
    const parsed = parseList(asStringList(v.addressSpace));
    if (isUnknown(parsed)) {
      if (!v.external) stops.push(...stopFor(r, v, 'address_space', parsed));
      continue;
    }
    for (const cidr of parsed) ranges.push({ cidr, kind: 'VNet address space', owner: v, vnetKey: v.address });
  }
  return { ranges, stops };
}

/** The prefixes of subnets, with a skipped-rule warning for each subnet whose prefixes are unknown. */
export function subnetRanges(r: RuleApi, subnets: readonly SubnetModel[]): Ranges {
  const ranges: Range[] = [];
  const stops: Finding[] = [];
  for (const s of subnets) {
    const parsed = parseList(asStringList(s.addressPrefixes));
    if (isUnknown(parsed)) {
      stops.push(...stopFor(r, s, s.prefixesAttribute ?? 'address_prefixes', parsed));
      continue;
    }
    for (const cidr of parsed) ranges.push({ cidr, kind: 'subnet', owner: s, vnetKey: s.virtualNetworkKey });
  }
  return { ranges, stops };
}

const IPV4_CANDIDATES = [
  '10.244.0.0',
  '192.168.0.0',
  '172.16.0.0',
  '100.64.0.0',
  '10.128.0.0',
  '10.200.0.0',
  '172.20.0.0',
  '10.64.0.0',
];
const IPV6_CANDIDATES = ['fd12:3456:789a::', 'fd00:10:244::', 'fd98:7654:3210::', 'fdaa:bbbb:cccc::'];

/** A private range of `family` and `prefixLength` that overlaps none of `taken` nor the reserved ranges. */
export function suggestFreeRange(family: IpFamily, prefixLength: number, taken: readonly Cidr[]): string | undefined {
  for (const base of family === 'IPv4' ? IPV4_CANDIDATES : IPV6_CANDIDATES) {
    const r = tryParseCidr(`${base}/${prefixLength}`);
    if (!r.ok) continue;
    const c = parseCidr(r.cidr.normalized);
    if (!taken.some((t) => overlaps(t, c)) && !RESERVED_CIDRS.some((t) => overlaps(t, c))) return c.normalized;
  }
  return undefined;
}

/** The fix for a range that collides: a free range of the same size where one is found. */
export function fixFor(r: Range, taken: readonly Cidr[]): string {
  const cluster = r.kind === 'pod range' || r.kind === 'service range';
  const free = cluster ? suggestFreeRange(r.cidr.family, r.cidr.prefixLength, taken) : undefined;
  const what = cluster ? r.kind : r.kind === 'subnet' ? 'subnet prefix' : 'address space';
  return free
    ? `move the ${what} ${r.cidr.normalized} to a free range, e.g. ${free}`
    : `move the ${what} ${r.cidr.normalized} to a range that overlaps nothing else in the plan`;
}

/** The defined values of a list, each once, in order. */
export function unique<T>(xs: readonly (T | undefined)[]): T[] {
  return [...new Set(xs.filter((x): x is T => x !== undefined))];
}
