/**
 * Network derivations shared by the constructs (what they render when a prop is omitted) and the
 * model (what it assumes when a document omits an attribute): the network mode of a plugin and
 * plugin mode, what "dual-stack" means, which modes take a pod range, the default ranges per IP
 * family, and the DNS service IP the constructs derive from a custom service range. Pure: no cdktf
 * imports, no token handling (callers drop unresolved values first).
 *
 * The names and signatures follow the lead's `lib/facts/network.ts`, so that moving these into
 * lib/facts is an import-path change.
 */
import { addressAt, familyOf, type IpFamily, tryParseCidr } from '../net';
import {
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_DUAL_STACK_POD_CIDRS,
  DEFAULT_DUAL_STACK_SERVICE_CIDRS,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
} from './defaults';
import type { NetworkMode } from './effective';

/**
 * The network mode of a `network_plugin` and `network_plugin_mode` as written; `invalid` names the
 * attribute whose value azurerm does not accept. "If you specify `--network-plugin=azure` and omit
 * `--network-plugin-mode`, AKS intentionally uses virtual network (node subnet) mode"
 * (https://learn.microsoft.com/azure/aks/azure-cni-overlay).
 * @example networkModeOf('azure', 'overlay') // 'overlay'
 */
export function networkModeOf(
  plugin: string,
  pluginMode: string | undefined,
): NetworkMode | { readonly invalid: 'network_plugin' | 'network_plugin_mode' } {
  if (plugin === 'kubenet') return 'kubenet';
  if (plugin === 'none') return 'none';
  if (plugin !== 'azure') return { invalid: 'network_plugin' };
  if (pluginMode === undefined) return 'node-subnet';
  return pluginMode === 'overlay' ? 'overlay' : { invalid: 'network_plugin_mode' };
}

/**
 * True when the families ask for dual-stack. IPv6 alone is rejected (azurerm `expandIPVersions`,
 * rule network/ip-families), so any IPv6 family means dual-stack.
 */
export function isDualStack(families: readonly string[]): boolean {
  return families.includes('IPv6');
}

/** True when pods take addresses from a pod range: overlay and kubenet do; node-subnet and none do not. */
export function usesPodCidr(mode: NetworkMode): boolean {
  return mode === 'overlay' || mode === 'kubenet';
}

/** The default pod range of each family (`--pod-cidr` / `--pod-cidrs` of `az aks create`). */
const POD_DEFAULTS: Readonly<Record<IpFamily, string>> = {
  IPv4: DEFAULT_POD_CIDR,
  IPv6: DEFAULT_DUAL_STACK_POD_CIDRS[1],
};
/** The default service range of each family (`--service-cidr` / `--service-cidrs`). */
const SERVICE_DEFAULTS: Readonly<Record<IpFamily, string>> = {
  IPv4: DEFAULT_SERVICE_CIDR,
  IPv6: DEFAULT_DUAL_STACK_SERVICE_CIDRS[1],
};

/**
 * The default pod or service ranges of a list of families, one per family in the given order;
 * values that are not an IP family get none. `['IPv4', 'IPv6']` gives the dual-stack defaults.
 * @example defaultRanges(['IPv4', 'IPv6'], 'service') // ['10.0.0.0/16', 'fd12:3456:789a:1::/108']
 */
export function defaultRanges(families: readonly string[], kind: 'pod' | 'service'): string[] {
  const table = kind === 'pod' ? POD_DEFAULTS : SERVICE_DEFAULTS;
  return families.flatMap((f) => (f === 'IPv4' || f === 'IPv6' ? [table[f]] : []));
}

/**
 * The DNS service IP the constructs render when `--dns-service-ip` is omitted: `10.0.0.10` with the
 * default service range, else the `.10` address of the first IPv4 service range (AKS's own
 * convention for its default), or undefined when there is no parseable IPv4 range with more than
 * 10 addresses. A Terraform document that sets a service range without `dns_service_ip` gets no
 * such default from Azure: the model leaves it undefined and network/dns-service-ip reports it.
 * @param serviceCidrs the service ranges as literals (drop unresolved values first)
 * @example defaultDnsServiceIp(['10.2.0.0/16']) // '10.2.0.10'
 */
export function defaultDnsServiceIp(serviceCidrs: readonly string[]): string | undefined {
  const v4 = serviceCidrs.find((c) => familyOf(c) === 'IPv4');
  if (v4 === undefined) return undefined;
  if (v4 === DEFAULT_SERVICE_CIDR) return DEFAULT_DNS_SERVICE_IP;
  const parsed = tryParseCidr(v4, 'IPv4');
  if (!parsed.ok || parsed.cidr.size <= 10n) return undefined;
  return addressAt(parsed.cidr, 10);
}
