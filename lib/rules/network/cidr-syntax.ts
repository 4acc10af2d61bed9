/**
 * Range syntax: `network/cidr-syntax` (unparseable: an error) and `network/cidr-normalized` (host bits
 * set or no prefix length: accepted, API pattern `...(\/([0-9]|[1-2][0-9]|3[0-2]))?$` makes the prefix
 * optional, and azurerm's acceptance tests apply ranges with host bits; a warning showing the
 * normalized range). No cdktf imports.
 */
import { familyOf, parseAddress, tryParseCidr } from '../../net';
import { asString, isUnknown, wrongType, type Located, type Value } from '../../model';
import { modelRule, type RuleApi } from '../frame';
import { cut } from '../text';
import type { Finding } from '../types';
import { parseReason, writtenRanges } from './common';

type Check = (r: RuleApi, el: Located, attribute: string, value: Value<string>) => Finding[];

/** Every written range of the document: the clusters' pod and service ranges, VNet spaces, subnet prefixes. */
function everyRange(r: RuleApi, check: Check): Finding[] {
  const out: Finding[] = [];
  // `single`: the list stands for one attribute written as a string (an inline subnet's address_prefix)
  const many = (el: Located, attribute: string, raw: Value<unknown>, single = false) => {
    if (raw === undefined) return;
    if (isUnknown(raw) || !Array.isArray(raw)) out.push(...check(r, el, attribute, asString(raw)));
    else
      raw.forEach((item, i) =>
        out.push(
          ...check(
            r,
            el,
            single ? attribute : `${attribute}[${i}]`,
            item === null || item === undefined ? wrongType(null, 'a string') : asString(item),
          ),
        ),
      );
  };
  for (const c of r.model.clusters) for (const w of writtenRanges(c)) out.push(...check(r, c, w.attribute, w.value));
  // existing subnets / VNets: their ranges come from the check context; unknown ones are reported by the overlap rules
  for (const v of r.model.virtualNetworks)
    if (!v.external || !isUnknown(v.addressSpace)) many(v, 'address_space', v.addressSpace);
  for (const s of r.model.subnets)
    if (!s.external || !isUnknown(s.addressPrefixes))
      many(s, s.prefixesAttribute ?? 'address_prefixes', s.addressPrefixes, s.prefixesAttribute !== undefined);
  return out;
}

/** A bare address: the range of that one address, or undefined when it is not an address. */
function bareAddress(v: string): string | undefined {
  if (v.includes('/')) return undefined;
  try {
    const a = parseAddress(v);
    return `${a.text}/${a.family === 'IPv4' ? 32 : 128}`;
  } catch {
    return undefined;
  }
}

/** `network/cidr-syntax`. */
export const cidrSyntax = modelRule('network/cidr-syntax', (r) =>
  everyRange(r, (api, el, attribute, value) => {
    const v = api.need(el, attribute, value);
    if (!v.ok || v.value === undefined) return v.ok ? [] : v.stop;
    if (tryParseCidr(v.value).ok || bareAddress(v.value) !== undefined) return [];
    const p = tryParseCidr(v.value);
    const why = p.ok ? '' : parseReason(v.value, p.error.message);
    const example = familyOf(v.value) === 'IPv6' ? 'fd12:3456:789a::/64' : '10.244.0.0/16';
    return [
      api.report(
        el,
        `${attribute} '${cut(v.value)}' is not a range: ${why}`,
        `write ${attribute} as an address with its prefix length, e.g. ${example}`,
      ),
    ];
  }),
);

/** `network/cidr-normalized`. */
export const cidrNormalized = modelRule('network/cidr-normalized', (r) =>
  everyRange(r, (api, el, attribute, value) => {
    if (typeof value !== 'string') return [];
    const bare = bareAddress(value);
    if (bare !== undefined) {
      return [
        api.report(
          el,
          `${attribute} ${value} has no prefix length; it reads as the single address ${bare}`,
          `write the prefix length, e.g. ${bare} (or the range you meant)`,
        ),
      ];
    }
    const p = tryParseCidr(value);
    if (!p.ok || !p.cidr.hostBitsSet) return [];
    return [
      api.report(
        el,
        `${attribute} ${p.cidr.input} has host bits set; Azure reads it as ${p.cidr.normalized}`,
        `write the network address: ${p.cidr.normalized}`,
      ),
    ];
  }),
);
