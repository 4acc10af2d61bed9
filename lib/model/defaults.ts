/**
 * What `az aks create` does when a flag is omitted (RULES.md, "Defaults"). The constructs render
 * these values and the rules assume them where a document omits an attribute, so both read
 * them from here. No cdktf imports.
 */

/** `--network-plugin` omitted: Azure CNI Overlay. */
export const DEFAULT_NETWORK_PLUGIN = 'azure';
/** `--network-plugin-mode` omitted with `--network-plugin` omitted: overlay. */
export const DEFAULT_NETWORK_PLUGIN_MODE = 'overlay';
/** `--pod-cidr` omitted (overlay). */
export const DEFAULT_POD_CIDR = '10.244.0.0/16';
/** `--service-cidr` omitted. */
export const DEFAULT_SERVICE_CIDR = '10.0.0.0/16';
/** `--dns-service-ip` omitted. */
export const DEFAULT_DNS_SERVICE_IP = '10.0.0.10';
/** `--ip-families` omitted. */
export const DEFAULT_IP_FAMILIES: readonly ('IPv4' | 'IPv6')[] = ['IPv4'];
/** `--pod-cidrs` omitted (dual-stack). */
export const DEFAULT_DUAL_STACK_POD_CIDRS: readonly string[] = ['10.244.0.0/16', 'fd12:3456:789a::/64'];
/** `--service-cidrs` omitted (dual-stack). */
export const DEFAULT_DUAL_STACK_SERVICE_CIDRS: readonly string[] = ['10.0.0.0/16', 'fd12:3456:789a:1::/108'];
/** `--node-count` omitted. */
export const DEFAULT_NODE_COUNT = 3;
/** Max pods per node with Azure CNI Overlay when `--max-pods` is omitted. */
export const DEFAULT_MAX_PODS_OVERLAY = 250;
/** Max pods per node in Azure CNI node-subnet mode when `--max-pods` is omitted. */
export const DEFAULT_MAX_PODS_NODE_SUBNET = 30;
/** Windows `os_sku` when omitted (Windows2019 is retired). */
export const DEFAULT_WINDOWS_OS_SKU = 'Windows2022';
/** Linux `os_sku` when omitted. */
export const DEFAULT_LINUX_OS_SKU = 'Ubuntu';
/** The default node pool's VM size used by the walkthrough. */
export const DEFAULT_VM_SIZE = 'Standard_DS2_v2';
