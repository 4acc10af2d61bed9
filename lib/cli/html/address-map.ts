/**
 * The data behind a cluster's address map in the HTML report: per IP family (a lane), the VNets
 * and subnets of the cluster's pools, its pod and service ranges, the ranges AKS reserves, and
 * the overlaps among them, scoped as `network/overlap` and `network/reserved-range` scope them.
 * Values from lib/model (effective values, defaults applied), address math from lib/net. The
 * rules decide pass or fail; this only draws. No cdktf imports.
 */
import { RESERVED_RANGES } from '../../facts';
import { tryParseCidr, type Cidr, type IpFamily } from '../../net';
import { asStringList, effectiveNetwork, isUnknown, poolsOf } from '../../model';
import type { ClusterModel, SubnetModel, Value } from '../../model';

/** The ranges AKS reserves, drawn on every map (the fact lives in lib/facts). */
export const MAP_RESERVED_RANGES: readonly string[] = RESERVED_RANGES;

/** What a drawn range is. */
export type MapRangeKind = 'vnet' | 'subnet' | 'pod' | 'service' | 'reserved';

/** One range on the map. */
export interface MapRange {
  /** What the range is. */
  readonly kind: MapRangeKind;
  /** Who owns it, e.g. `subnet system (pool system)`, `pod range`. */
  readonly label: string;
  /** The range. */
  readonly cidr: Cidr;
  /** The row it is drawn in (reserved ranges share one row). */
  readonly row: number;
  /** The VNet a subnet lies in, or the VNet itself. */
  readonly vnetKey?: string;
  /** The subnet or VNet resource the range belongs to (two prefixes of one subnet never conflict). */
  readonly owner?: string;
}

/** Two ranges of a lane that share addresses where Azure does not allow it. */
export interface MapOverlap {
  /** The first range's index into the lane's ranges. */
  readonly a: number;
  /** The second range's index. */
  readonly b: number;
  /** The first shared address. */
  readonly start: bigint;
  /** The last shared address. */
  readonly end: bigint;
}

/** One IP family's ranges. */
export interface MapLane {
  /** The lane's family. */
  readonly family: IpFamily;
  /** Its ranges, in drawing order. */
  readonly ranges: readonly MapRange[];
  /** The conflicting overlaps among them. */
  readonly overlaps: readonly MapOverlap[];
  /** How many rows the lane has. */
  readonly rows: number;
}

/** A cluster's address map. */
export interface ClusterMap {
  /** IPv4 first, then IPv6; a lane only when it has a range of the cluster. */
  readonly lanes: readonly MapLane[];
  /** Ranges that could not be drawn, with why, e.g. `pod ranges: ${var.pod_cidr} (unresolved)`. */
  readonly notDrawn: readonly string[];
}

interface Pending {
  kind: MapRangeKind;
  label: string;
  cidr: Cidr;
  vnetKey?: string;
  owner?: string;
}

function text(v: Value<unknown>, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

/** Parses a list value into ranges, noting what cannot be drawn. */
function addList(
  out: Pending[],
  notDrawn: string[],
  v: Value<unknown>,
  what: string,
  make: (c: Cidr) => Pending,
): void {
  const list = asStringList(v);
  if (list === undefined) return;
  if (isUnknown(list)) {
    notDrawn.push(`${what}: ${list.expression} (unresolved)`);
    return;
  }
  for (const raw of list) {
    const r = tryParseCidr(raw);
    if (r.ok) out.push(make(r.cidr));
    else notDrawn.push(`${what}: ${String(raw)} (not a CIDR)`);
  }
}

/** Whether two overlapping ranges are a conflict that the overlap or reserved-range rules report. */
function conflicts(a: Pending, b: Pending): boolean {
  if (a.owner !== undefined && a.owner === b.owner) return false;
  const kinds = new Set([a.kind, b.kind]);
  if (kinds.has('reserved')) return !kinds.has('vnet') && a.kind !== b.kind;
  if (a.kind === 'pod' || a.kind === 'service' || b.kind === 'pod' || b.kind === 'service') return a.kind !== b.kind;
  // subnets of one VNet; VNets among themselves and a subnet inside a VNet are allowed
  return a.kind === 'subnet' && b.kind === 'subnet' && a.vnetKey !== undefined && a.vnetKey === b.vnetKey;
}

function lane(family: IpFamily, pending: readonly Pending[]): MapLane {
  const rows: MapRange[] = [];
  let row = 0;
  let reservedRow: number | undefined;
  for (const p of pending) {
    if (p.kind === 'reserved') {
      reservedRow ??= row++;
      rows.push({ ...p, row: reservedRow });
    } else rows.push({ ...p, row: row++ });
  }
  const overlaps: MapOverlap[] = [];
  for (let a = 0; a < rows.length; a++) {
    for (let b = a + 1; b < rows.length; b++) {
      const x = rows[a].cidr;
      const y = rows[b].cidr;
      if (x.start > y.end || y.start > x.end || !conflicts(rows[a], rows[b])) continue;
      overlaps.push({ a, b, start: x.start > y.start ? x.start : y.start, end: x.end < y.end ? x.end : y.end });
    }
  }
  return { family, ranges: rows, overlaps, rows: row };
}

function unique<T>(xs: readonly (T | undefined)[]): T[] {
  return [...new Set(xs.filter((x): x is T => x !== undefined))];
}

/**
 * The address map of a cluster.
 * @param subnets the document's subnets, to find the pod subnets (`pod_subnet_id`) of its pools
 */
export function clusterMap(cluster: ClusterModel, subnets: readonly SubnetModel[] = []): ClusterMap {
  const net = effectiveNetwork(cluster);
  const pending: Pending[] = [];
  const notDrawn: string[] = [];
  const pools = poolsOf(cluster);
  const nodeSubnets = unique(pools.map((p) => p.subnet));
  const podSubnets = unique(pools.map((p) => subnets.find((s) => s.id === p.podSubnetId)));
  const vnets = unique([...nodeSubnets, ...podSubnets].map((s) => s.virtualNetwork));
  for (const v of vnets) {
    const label = `VNet ${text(v.name, v.address)}`;
    addList(pending, notDrawn, v.addressSpace, label, (cidr) => ({
      kind: 'vnet',
      label,
      cidr,
      vnetKey: v.address,
      owner: v.address,
    }));
  }
  for (const s of unique([...nodeSubnets, ...podSubnets])) {
    const users = pools.filter((p) => p.subnet === s).map((p) => text(p.name, p.address));
    const podUsers = pools.filter((p) => p.podSubnetId === s.id).map((p) => text(p.name, p.address));
    const of = [
      users.length ? `nodes of ${users.join(', ')}` : '',
      podUsers.length ? `pods of ${podUsers.join(', ')}` : '',
    ];
    const label = `subnet ${text(s.name, s.address)} (${of.filter(Boolean).join('; ')})`;
    addList(pending, notDrawn, s.addressPrefixes, label, (cidr) => ({
      kind: 'subnet',
      label,
      cidr,
      vnetKey: s.virtualNetworkKey,
      owner: s.id,
    }));
  }
  if (net.mode !== 'node-subnet') {
    addList(pending, notDrawn, net.podCidrs, 'pod ranges', (cidr) => ({
      kind: 'pod',
      label: `pod range${net.podCidrsDefaulted ? ' (default)' : ''}`,
      cidr,
    }));
  }
  addList(pending, notDrawn, net.serviceCidrs, 'service ranges', (cidr) => ({
    kind: 'service',
    label: `service range${net.serviceCidrsDefaulted ? ' (default)' : ''}`,
    cidr,
  }));
  const lanes: MapLane[] = [];
  for (const family of ['IPv4', 'IPv6'] as const) {
    const own = pending.filter((p) => p.cidr.family === family);
    if (own.length === 0) continue;
    const reserved =
      family === 'IPv4'
        ? MAP_RESERVED_RANGES.map((r): Pending => ({
            kind: 'reserved',
            label: 'reserved by AKS',
            cidr: tryParseCidrOrThrow(r),
          }))
        : [];
    lanes.push(lane(family, [...own, ...reserved]));
  }
  return { lanes, notDrawn };
}

function tryParseCidrOrThrow(r: string): Cidr {
  const p = tryParseCidr(r);
  if (!p.ok) throw p.error;
  return p.cidr;
}
