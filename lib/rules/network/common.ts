/**
 * What network rules share: the ranges a network profile writes, the parsed service ranges, and
 * list formatting for messages. No cdktf imports.
 */
import { tryParseCidr, type Cidr } from '../../net';
import { asString, isUnknown, type ClusterModel, type EffectiveNetwork, type Unknown, type Value } from '../../model';
import { cut } from '../text';

/** A list for messages: `[a, b]` (long items cut with their length shown; at most 8 items, then how many more). */
export function list(xs: readonly string[]): string {
  const shown = xs.slice(0, 8).map((x) => cut(x));
  return `[${shown.join(', ')}${xs.length > 8 ? `, ... (${xs.length} items)` : ''}]`;
}

/**
 * Why a value did not parse, from a parser's error message (`'<value>' is not a valid IPv4 CIDR: <why>`),
 * without the value it repeats (the message quotes the value once, cut) and with long words cut.
 */
export function parseReason(value: string, message: string): string {
  const prefix = `'${value}' `;
  const rest = (message.startsWith(prefix) ? message.slice(prefix.length) : message).replace(
    /^is not a valid [^:]*: /,
    '',
  );
  // the reason may repeat a part of the value (the address before the `/`): cut every long word too
  return cut(
    rest
      .split(`'${value}'`)
      .join('the value')
      .replace(/[^\s']{41,}/g, (w) => cut(w, 40)),
    160,
  );
}

/** A list for fixes, as HCL/JSON: `["a", "b"]`. */
export function quoted(xs: readonly string[]): string {
  return `[${xs.map((x) => `"${x}"`).join(', ')}]`;
}

/** One written range of a network profile, with the attribute it came from. */
export interface WrittenRange {
  readonly attribute: string;
  readonly value: Value<string>;
}

/** The ranges a cluster's network profile writes (pod_cidr, pod_cidrs[i], service_cidr, service_cidrs[i]). */
export function writtenRanges(cluster: ClusterModel): WrittenRange[] {
  const np = cluster.networkProfile;
  const out: WrittenRange[] = [];
  const add = (attribute: string, v: Value<unknown>, many: boolean) => {
    if (v === undefined) return;
    if (!many || isUnknown(v) || !Array.isArray(v)) {
      out.push({ attribute, value: asString(v) });
      return;
    }
    v.forEach((item, i) => out.push({ attribute: `${attribute}[${i}]`, value: asString(item) }));
  };
  add('network_profile.pod_cidr', np.podCidr, false);
  add('network_profile.pod_cidrs', np.podCidrs, true);
  add('network_profile.service_cidr', np.serviceCidr, false);
  add('network_profile.service_cidrs', np.serviceCidrs, true);
  return out;
}

/** The parsed service ranges Azure will use (unparseable ones dropped: cidr-syntax reports them), or the Unknown. */
export function serviceRanges(net: EffectiveNetwork): { ranges: Cidr[] } | { unknown: Unknown } {
  if (isUnknown(net.serviceCidrs)) return { unknown: net.serviceCidrs };
  const ranges: Cidr[] = [];
  for (const s of net.serviceCidrs ?? []) {
    const p = tryParseCidr(s);
    if (p.ok) ranges.push(p.cidr);
  }
  return { ranges };
}

/** The families as a list for messages. */
export function familiesText(net: EffectiveNetwork): string {
  return list(isUnknown(net.families) ? [] : (net.families ?? []));
}
