/**
 * Service ranges and the DNS service IP: `network/service-cidr-ipv6-size` ("no larger than /108"),
 * `network/service-cidr-ipv4-size` ("must be smaller than /12"), `network/dns-service-ip` (API
 * `dnsServiceIP`: "It must be within the Kubernetes service address range"; the first address is the
 * `kubernetes` service; k8s never allocates the network or broadcast address) and
 * `network/dns-service-ip-convention`. No cdktf imports.
 */
import {
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_SERVICE_CIDR,
  MAX_IPV6_SERVICE_PREFIX,
  MIN_IPV4_SERVICE_PREFIX_EXCLUSIVE,
} from '../../facts';
import { addressAt, offsetOf, parseAddress, type Cidr, type IpFamily } from '../../net';
import { asString, effectiveNetwork, isUnknown, type ClusterModel, type Unknown } from '../../model';
import { clusterRule, type RuleApi } from '../frame';
import type { Finding } from '../types';
import { cut } from '../text';
import { list, parseReason, serviceRanges } from './common';

const SERVICE_ATTRIBUTE = 'the service range (network_profile.service_cidr / service_cidrs)';

function serviceSizeRule(
  id: 'network/service-cidr-ipv6-size' | 'network/service-cidr-ipv4-size',
  family: IpFamily,
  tooLarge: (c: Cidr) => [string, string] | undefined,
) {
  return clusterRule(id, (c, r) => {
    const net = effectiveNetwork(c);
    if (family === 'IPv6' && net.dualStack === false) return [];
    const sr = serviceRanges(net);
    if ('unknown' in sr) {
      const n = r.need(c, SERVICE_ATTRIBUTE, sr.unknown);
      return n.ok ? [] : n.stop;
    }
    return sr.ranges
      .filter((x) => x.family === family)
      .flatMap((x) => {
        const p = tooLarge(x);
        return p ? [r.report(c, p[0], p[1])] : [];
      });
  });
}

/** `network/service-cidr-ipv6-size`. */
export const serviceCidrIpv6Size = serviceSizeRule('network/service-cidr-ipv6-size', 'IPv6', (x) =>
  x.prefixLength >= MAX_IPV6_SERVICE_PREFIX
    ? undefined
    : [
        `service range ${x.input} is larger than /${MAX_IPV6_SERVICE_PREFIX}`,
        `use a /${MAX_IPV6_SERVICE_PREFIX} or smaller, e.g. ${x.network}/${MAX_IPV6_SERVICE_PREFIX}`,
      ],
);

/** `network/service-cidr-ipv4-size`. */
export const serviceCidrIpv4Size = serviceSizeRule('network/service-cidr-ipv4-size', 'IPv4', (x) =>
  x.prefixLength > MIN_IPV4_SERVICE_PREFIX_EXCLUSIVE
    ? undefined
    : [
        `service range ${x.input} is /${MIN_IPV4_SERVICE_PREFIX_EXCLUSIVE} or larger; it must be smaller than /${MIN_IPV4_SERVICE_PREFIX_EXCLUSIVE}`,
        `use a /13 or smaller, e.g. ${x.network}/16`,
      ],
);

type DnsCheck =
  | { kind: 'stop'; findings: Finding[] }
  | { kind: 'none' }
  | { kind: 'error'; message: string; fix: string }
  | { kind: 'ok'; range: Cidr; dns: string; offset: bigint };

/** An address a DNS service may take: the .10 offset, or .2 in a range too small for it. */
function usableExample(range: Cidr): string {
  return range.size > 10n ? addressAt(range, 10) : addressAt(range, range.size > 3n ? 2n : 0n);
}

function stop(r: RuleApi, c: ClusterModel, what: string, u: Unknown): DnsCheck {
  const n = r.need(c, what, u);
  return { kind: 'stop', findings: n.ok ? [] : n.stop };
}

/**
 * Whether the service range is written as azurerm reads it: `isServiceCidrSet := serviceCidr != "" ||
 * len(serviceCidrs) != 0` (an empty string or list is unset; an expression is set).
 */
function serviceRangeWritten(c: ClusterModel): boolean {
  const { serviceCidr, serviceCidrs } = c.networkProfile;
  const single = serviceCidr !== undefined && serviceCidr !== '';
  return single || (serviceCidrs !== undefined && !(Array.isArray(serviceCidrs) && serviceCidrs.length === 0));
}

function dnsCheck(r: RuleApi, c: ClusterModel): DnsCheck {
  const net = effectiveNetwork(c);
  const raw = asString(c.networkProfile.dnsServiceIp);
  if (isUnknown(raw)) return stop(r, c, 'network_profile.dns_service_ip', raw);
  // azurerm: `dnsServiceIP != ""`; an empty dns_service_ip is unset
  const dnsWritten = raw === '' ? undefined : raw;
  const serviceWritten = serviceRangeWritten(c);
  const sr = serviceRanges(net);
  if ('unknown' in sr) return stop(r, c, SERVICE_ATTRIBUTE, sr.unknown);
  const v4 = sr.ranges.find((x) => x.family === 'IPv4');
  if (dnsWritten !== undefined && !serviceWritten) {
    return {
      kind: 'error',
      message: `dns_service_ip ${cut(dnsWritten)} is set without a service range`,
      fix: `set service_cidr too (e.g. ${DEFAULT_SERVICE_CIDR}), or remove dns_service_ip to use the defaults`,
    };
  }
  if (dnsWritten === undefined && serviceWritten) {
    const example = v4 && v4.size > 10n ? addressAt(v4, 10) : undefined;
    return {
      kind: 'error',
      message: `a service range ${list(isUnknown(net.serviceCidrs) ? [] : (net.serviceCidrs ?? []))} is set without dns_service_ip`,
      fix: `set dns_service_ip inside the IPv4 service range${example ? `, e.g. ${example}` : ''}`,
    };
  }
  const dns = dnsWritten ?? (serviceWritten ? undefined : DEFAULT_DNS_SERVICE_IP);
  if (dns === undefined || !v4) return { kind: 'none' };
  let parsed;
  try {
    parsed = parseAddress(dns, 'IPv4');
  } catch (e) {
    const why = parseReason(dns, e instanceof Error ? e.message : 'not an address');
    return {
      kind: 'error',
      message: `dns_service_ip '${cut(dns)}' is not an IPv4 address: ${why}`,
      fix: `use an IPv4 address inside ${v4.normalized}, e.g. ${usableExample(v4)}`,
    };
  }
  const offset = offsetOf(v4, parsed);
  if (offset === undefined) {
    return {
      kind: 'error',
      message: `dns_service_ip ${dns} is outside the IPv4 service range ${v4.normalized}`,
      fix: `use an address inside ${v4.normalized}, e.g. ${usableExample(v4)}`,
    };
  }
  return { kind: 'ok', range: v4, dns: parsed.text, offset };
}

function isBroadcast(d: { range: Cidr; offset: bigint }): boolean {
  return d.range.size > 2n && d.offset === d.range.size - 1n;
}

/** `network/dns-service-ip`. */
export const dnsServiceIp = clusterRule('network/dns-service-ip', (c, r) => {
  const d = dnsCheck(r, c);
  if (d.kind === 'stop') return d.findings;
  if (d.kind === 'error') return r.report(c, d.message, d.fix);
  if (d.kind !== 'ok' || (d.offset > 1n && !isBroadcast(d))) return [];
  const [what, why] =
    d.offset === 0n
      ? ['the network address', 'which Kubernetes never allocates to a service']
      : d.offset === 1n
        ? ['the first address', 'which Kubernetes gives the kubernetes API service']
        : ['the broadcast address', 'which Kubernetes never allocates to a service'];
  return r.report(
    c,
    `dns_service_ip ${d.dns} is ${what} of the service range ${d.range.normalized}, ${why}`,
    `use another address of the range, e.g. ${usableExample(d.range)}`,
  );
});

/** `network/dns-service-ip-convention`: "The address should be the *.10* address of your service IP address range." */
export const dnsServiceIpConvention = clusterRule('network/dns-service-ip-convention', (c, r) => {
  const d = dnsCheck(r, c);
  if (d.kind !== 'ok' || d.offset <= 1n || isBroadcast(d) || d.offset === 10n || d.range.size <= 10n) return [];
  return r.report(
    c,
    `dns_service_ip ${d.dns} is not the .10 address of the service range ${d.range.normalized}`,
    `use ${addressAt(d.range, 10)}, the address AKS and most tooling expect for cluster DNS`,
  );
});
