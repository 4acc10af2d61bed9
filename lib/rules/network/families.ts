/**
 * IP families: `network/ip-families`, `network/ip-families-order`, `network/cidr-family-mismatch`.
 * azurerm `expandIPVersions`: "`ip_versions` must be `IPv4` or `IPv4` and `IPv6`. `IPv6` alone is not
 * supported"; the docs: "The count and order of ranges in this list must match the value provided to
 * `--ip-families`". No cdktf imports.
 */
import {
  CONSTRUCT_IPV6_POD_CIDR,
  CONSTRUCT_IPV6_SERVICE_CIDR,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
} from '../../facts';
import { familyOf } from '../../net';
import { asList, asString, asStringList, effectiveNetwork, type Value } from '../../model';
import { clusterRule } from '../frame';
import type { Finding } from '../types';
import { cut } from '../text';
import { list, quoted } from './common';

const FIX = 'set ip_versions = ["IPv4"] for single-stack or ["IPv4", "IPv6"] for dual-stack';

/** `network/ip-families`: a list of IPv4/IPv6, not empty, no duplicates, not IPv6 alone. */
export const ipFamilies = clusterRule('network/ip-families', (c, r) => {
  const raw = c.networkProfile.ipVersions;
  if (raw === undefined) return [];
  const l = r.need(c, 'network_profile.ip_versions', asList(raw));
  if (!l.ok) return l.stop;
  const fam = r.need(c, 'network_profile.ip_versions', asStringList(raw));
  if (!fam.ok || fam.value === undefined) return fam.ok ? [] : fam.stop;
  const f = fam.value;
  const bad = f.filter((x) => x !== 'IPv4' && x !== 'IPv6');
  let why: string | undefined;
  if (f.length === 0) why = 'is empty';
  else if (bad.length > 0) why = `contains ${list(bad)}, which is not IPv4 or IPv6 (spelled exactly so)`;
  else if (new Set(f).size !== f.length) why = 'lists a family twice';
  else if (!f.includes('IPv4')) why = 'is IPv6 alone, which AKS does not support';
  return why === undefined ? [] : r.report(c, `ip_versions ${list(f)} ${why}`, FIX);
});

/** `network/ip-families-order`: IPv6 before IPv4 is accepted by the API, but every document lists IPv4 first. */
export const ipFamiliesOrder = clusterRule('network/ip-families-order', (c, r) => {
  const f = asStringList(c.networkProfile.ipVersions);
  if (!Array.isArray(f) || f.length !== 2 || f[0] !== 'IPv6' || f[1] !== 'IPv4') return [];
  return r.report(
    c,
    `ip_versions ${list(f)} lists IPv6 before IPv4; the normalized order is [IPv4, IPv6]`,
    'set ip_versions = ["IPv4", "IPv6"] (and list pod_cidrs / service_cidrs IPv4 first)',
  );
});

function validFamilies(f: readonly string[]): boolean {
  const set = new Set(f);
  return (
    set.size === f.length &&
    f.length > 0 &&
    f.length <= 2 &&
    set.has('IPv4') &&
    f.every((x) => x === 'IPv4' || x === 'IPv6')
  );
}

/** `network/cidr-family-mismatch`. */
export const cidrFamilyMismatch = clusterRule('network/cidr-family-mismatch', (c, r) => {
  const np = c.networkProfile;
  const lists: [string, Value<unknown>, readonly string[]][] = [
    ['pod_cidrs', np.podCidrs, [DEFAULT_POD_CIDR, CONSTRUCT_IPV6_POD_CIDR]],
    ['service_cidrs', np.serviceCidrs, [DEFAULT_SERVICE_CIDR, CONSTRUCT_IPV6_SERVICE_CIDR]],
  ];
  const singles: [string, Value<unknown>, string][] = [
    ['pod_cidr', np.podCidr, DEFAULT_POD_CIDR],
    ['service_cidr', np.serviceCidr, DEFAULT_SERVICE_CIDR],
  ];
  if ([...lists, ...singles].every(([, v]) => v === undefined)) return [];
  const net = effectiveNetwork(c);
  const fams = r.need(c, 'network_profile.ip_versions', net.families);
  if (!fams.ok) return fams.stop;
  const families = fams.value ?? [];
  if (!validFamilies(families)) return []; // network/ip-families reports it
  const out: Finding[] = [];
  for (const [attr, raw, defaults] of lists) {
    if (raw === undefined) continue;
    const l = r.need(c, `network_profile.${attr}`, asStringList(raw));
    if (!l.ok) {
      out.push(...l.stop);
      continue;
    }
    const ranges = l.value ?? [];
    // azurerm cannot tell an empty list from an omitted one (`len(serviceCidrs) != 0`): AKS picks the ranges
    if (ranges.length === 0) continue;
    const example = quoted(defaults.slice(0, families.length));
    if (ranges.length !== families.length) {
      out.push(
        r.report(
          c,
          `${attr} ${list(ranges)} has ${ranges.length} range(s) for the ${families.length} IP families ${list(families)}`,
          `give one range per family, in the order of ip_versions, e.g. ${attr} = ${example}`,
        ),
      );
      continue;
    }
    // "The count and order of ranges in this list must match the value provided to --ip-families"
    const fits = (x: string, i: number) => familyOf(x) === undefined || familyOf(x) === families[i];
    if (!ranges.every(fits)) {
      const wrong = ranges.findIndex((x, i) => !fits(x, i));
      out.push(
        r.report(
          c,
          `${attr} ${list(ranges)} does not match ip_versions ${list(families)}: ${cut(ranges[wrong])} is not ${families[wrong]}`,
          `list the ranges in the order of ip_versions, IPv4 first, e.g. ${attr} = ${example}`,
        ),
      );
    }
  }
  for (const [attr, raw, example] of singles) {
    const s = r.need(c, `network_profile.${attr}`, asString(raw));
    if (!s.ok) {
      out.push(...s.stop);
      continue;
    }
    if (s.value !== undefined && familyOf(s.value) === 'IPv6') {
      out.push(
        r.report(
          c,
          `${attr} ${cut(s.value)} is an IPv6 range; ${attr} holds the IPv4 range`,
          `set ${attr} to an IPv4 range such as ${example}${families.length === 2 ? `, and give both families in ${attr}s` : ''}`,
        ),
      );
    }
  }
  return out;
});
