/**
 * What the constructs render when a prop is omitted, beyond the AKS defaults of network.ts and
 * pools.ts: names, the admin user name, the `os_sku` vocabulary object, the `max_pods` choice, the
 * default ranges per IP family, the DNS service IP of a custom service range and the DNS prefix.
 * Pure: no cdktf imports, no token handling (callers drop unresolved values first). lib/constructs
 * re-exports the public ones under their old names (`OsSku`, `DEFAULT_MAX_PODS_WINDOWS`, ...).
 */
import { addressAt, familyOf, tryParseCidr } from '../net';
import {
  CONSTRUCT_IPV6_POD_CIDR,
  CONSTRUCT_IPV6_SERVICE_CIDR,
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_MAX_PODS,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  type NetworkMode,
} from './network';
import { WINDOWS_RECOMMENDED_MAX_PODS } from './pools';

/** The max pods the constructs render for Windows pools on overlay (Microsoft's recommendation, not AKS's 250). */
export const CONSTRUCT_WINDOWS_MAX_PODS = WINDOWS_RECOMMENDED_MAX_PODS;

/** `az aks create --nodepool-name` omitted: the default pool is `nodepool1`. */
export const DEFAULT_NODE_POOL_NAME = 'nodepool1';

/**
 * The admin user name of `linux_profile` (`az aks create --admin-username`, default `azureuser`) and
 * the one AKS gives the Windows profile it generates: "If you didn't specify administrator
 * credentials when you created a cluster ... the username defaults to *azureuser* and a randomized
 * password" (https://learn.microsoft.com/azure/aks/windows-faq, "How do I change the administrator
 * password for Windows Server nodes on my cluster?").
 */
export const DEFAULT_ADMIN_USERNAME = 'azureuser';

/** The `os_sku` values of `OS_SKUS` as named constants (the constructs' `OsSku`). */
export const OS_SKU = {
  UBUNTU: 'Ubuntu',
  UBUNTU_2204: 'Ubuntu2204',
  AZURE_LINUX: 'AzureLinux',
  AZURE_LINUX_3: 'AzureLinux3',
  WINDOWS_2019: 'Windows2019',
  WINDOWS_2022: 'Windows2022',
} as const;

/**
 * The `max_pods` the constructs render when `maxPods` is omitted: the mode's default
 * ({@link DEFAULT_MAX_PODS}) with overlay and node-subnet, {@link CONSTRUCT_WINDOWS_MAX_PODS} for
 * Windows on overlay; undefined (omitted: AKS applies its default) for kubenet, none and an unknown mode.
 */
export function constructMaxPods(mode: NetworkMode | undefined, osType: string): number | undefined {
  if (mode !== 'overlay' && mode !== 'node-subnet') return undefined;
  return mode === 'overlay' && osType === 'Windows' ? CONSTRUCT_WINDOWS_MAX_PODS : DEFAULT_MAX_PODS[mode];
}

/** The default pod and service range of each family (`az aks create --pod-cidrs` / `--service-cidrs`). */
const RANGE_DEFAULTS = {
  pod: { IPv4: DEFAULT_POD_CIDR, IPv6: CONSTRUCT_IPV6_POD_CIDR },
  service: { IPv4: DEFAULT_SERVICE_CIDR, IPv6: CONSTRUCT_IPV6_SERVICE_CIDR },
} as const;

/**
 * The pod or service ranges the constructs render for a list of families, one per family in the
 * given order; values that are not an IP family get none. `['IPv4', 'IPv6']` gives the dual-stack
 * ranges of `az aks create`.
 * @example defaultRanges(['IPv4', 'IPv6'], 'service') // ['10.0.0.0/16', 'fd12:3456:789a:1::/108']
 */
export function defaultRanges(families: readonly string[], kind: 'pod' | 'service'): string[] {
  const table = RANGE_DEFAULTS[kind];
  return families.flatMap((f) => (f === 'IPv4' || f === 'IPv6' ? [table[f]] : []));
}

/**
 * The DNS service IP the constructs render when `--dns-service-ip` is omitted: `10.0.0.10` with the
 * default service range, else the `.10` address of the first IPv4 service range (the convention of
 * AKS's own default), or undefined when there is no parseable IPv4 range of more than 10 addresses.
 * A Terraform document that sets a service range without `dns_service_ip` gets no such default from
 * Azure: the model leaves it undefined and network/dns-service-ip reports it.
 * @param serviceCidrs the service ranges as literals
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

/**
 * `--dns-name-prefix` omitted: the cluster name with every character other than letters, digits
 * and `-` replaced by `-`, cut to 54 characters, leading and trailing `-` removed (so it matches
 * `DNS_PREFIX_PATTERN`, azurerm `KubernetesDNSPrefix`); `aks` when nothing is left.
 * @example defaultDnsPrefix('my_cluster') // 'my-cluster'
 */
export function defaultDnsPrefix(name: string): string {
  const prefix = name
    .replace(/[^A-Za-z0-9-]/g, '-')
    .slice(0, 54)
    .replace(/^-+|-+$/g, '');
  return prefix === '' ? 'aks' : prefix;
}
