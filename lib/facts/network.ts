/**
 * AKS network vocabulary, defaults and derivations: what the constructs render when a prop is
 * omitted and what the model assumes when a document omits an attribute. Pure; no cdktf imports.
 *
 * Sources (quoted where used):
 * - AKS API 2025-10-01 `managedClusters.json` (Azure/azure-rest-api-specs), `ContainerServiceNetworkProfile`.
 * - https://learn.microsoft.com/azure/aks/azure-cni-overlay and .../concepts-network-azure-cni-overlay
 * - https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning
 */
import type { IpFamily } from '../net';
import { versionAtLeast, type KubernetesVersion } from './versions';

/** `network_plugin` values azurerm accepts (`validation.StringInSlice`, azurerm v4.55.0). */
export const NETWORK_PLUGINS = ['azure', 'kubenet', 'none'] as const;
/** A `network_plugin` value. */
export type NetworkPlugin = (typeof NETWORK_PLUGINS)[number];
/** `network_plugin_mode` values azurerm accepts. */
export const NETWORK_PLUGIN_MODES = ['overlay'] as const;
/** `network_policy` values azurerm accepts. */
export const NETWORK_POLICIES = ['azure', 'calico', 'cilium'] as const;
/** `network_data_plane` values azurerm accepts. */
export const NETWORK_DATA_PLANES = ['azure', 'cilium'] as const;
/**
 * `ebpf_data_plane` values azurerm 3.x accepts (`validation.StringInSlice([]string{NetworkDataplaneCilium})`,
 * kubernetes_cluster_resource.go; the update sends it as `NetworkDataplane`). The attribute is gone in 4.0.
 */
export const EBPF_DATA_PLANES = ['cilium'] as const;
/** `outbound_type` values azurerm accepts. */
export const OUTBOUND_TYPES = [
  'loadBalancer',
  'userDefinedRouting',
  'managedNATGateway',
  'userAssignedNATGateway',
  'none',
] as const;
/** `load_balancer_sku` values azurerm accepts. */
export const LOAD_BALANCER_SKUS = ['basic', 'standard'] as const;

/** How a cluster gives pods addresses. */
export type NetworkMode = 'overlay' | 'node-subnet' | 'kubenet' | 'none';

/** The IP families, in the only order AKS documents (`--ip-families ipv4,ipv6`). */
export const IP_FAMILIES: readonly IpFamily[] = ['IPv4', 'IPv6'];

/**
 * The network mode of a plugin and plugin mode as written; `invalid` names the attribute whose
 * value azurerm does not accept. "If you specify `--network-plugin=azure` and omit
 * `--network-plugin-mode`, AKS intentionally uses virtual network (node subnet) mode" (azure-cni-overlay).
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
 * The plugin AKS picks when a cluster has no `network_profile` (azurerm requires `network_plugin`
 * inside the block): Azure CNI Overlay from Kubernetes 1.30, kubenet below ("NetworkPlugin will be
 * defaulted based on k8s version ... < 1.30 will remain kubenet while in 1.30+ it will be CNI
 * Overlay", Azure/azure-rest-api-specs#30845). An unset version means AKS's current default (>= 1.30).
 */
export function defaultNetworkMode(version: KubernetesVersion | undefined): 'overlay' | 'kubenet' {
  return version === undefined || versionAtLeast(version, [1, 30]) ? 'overlay' : 'kubenet';
}

/** The `az aks create` defaults the constructs render (`--network-plugin azure --network-plugin-mode overlay`). */
export const DEFAULT_NETWORK_PLUGIN: NetworkPlugin = 'azure';
/** `--network-plugin-mode` with `--network-plugin` omitted (the CLI's default is overlay). */
export const DEFAULT_NETWORK_PLUGIN_MODE = 'overlay';
/** `--ip-families` omitted. API: "For single-stack, the expected value is IPv4." */
export const DEFAULT_IP_FAMILIES: readonly IpFamily[] = ['IPv4'];
/** API `podCidr` `"default": "10.244.0.0/16"`. */
export const DEFAULT_POD_CIDR = '10.244.0.0/16';
/** API `serviceCidr` `"default": "10.0.0.0/16"`. */
export const DEFAULT_SERVICE_CIDR = '10.0.0.0/16';
/** API `dnsServiceIP` `"default": "10.0.0.10"`. */
export const DEFAULT_DNS_SERVICE_IP = '10.0.0.10';
/**
 * The IPv6 ranges the constructs render for dual-stack (`az aks create --pod-cidrs` / `--service-cidrs`
 * documented defaults). A Terraform document that omits them gets ranges AKS picks itself ("AKS will
 * now create pseudo-random IPv6 address ranges ... when --pod-cidrs or --service-cidrs are omitted",
 * AKS changelog 2022-01-27): the model treats an omitted IPv6 range as unknown, not as these.
 */
export const CONSTRUCT_IPV6_POD_CIDR = 'fd12:3456:789a::/64';
/** See {@link CONSTRUCT_IPV6_POD_CIDR}. */
export const CONSTRUCT_IPV6_SERVICE_CIDR = 'fd12:3456:789a:1::/108';

/**
 * True when the families ask for dual-stack. IPv6 alone is rejected ("`IPv6` alone is not
 * supported", azurerm `expandIPVersions`; network/ip-families), so any IPv6 family means dual-stack.
 */
export function isDualStack(families: readonly string[]): boolean {
  return families.includes('IPv6');
}

/** True when pods take addresses from an overlay range in this mode (kubenet and overlay do). */
export function usesPodCidr(mode: NetworkMode): boolean {
  return mode === 'overlay' || mode === 'kubenet';
}

/**
 * Max pods per node when `max_pods` is omitted: overlay 250 ("Default 250", azure-cni-overlay),
 * node-subnet 30, kubenet 110 (concepts-network-ip-address-planning), none 250
 * (node-auto-provisioning-aksnodeclass).
 */
export const DEFAULT_MAX_PODS: Readonly<Record<NetworkMode, number>> = {
  overlay: 250,
  'node-subnet': 30,
  kubenet: 110,
  none: 250,
};

/** The largest IPv6 service range: "can be no larger than `/108`" (azure-cni-overlay). */
export const MAX_IPV6_SERVICE_PREFIX = 108;
/** The IPv4 service range "must be smaller than `/12`" (concepts-network-azure-cni-overlay). */
export const MIN_IPV4_SERVICE_PREFIX_EXCLUSIVE = 12;
/** Overlay gives each node a fixed /24 of the pod range ("fixed and can't be increased or decreased"). */
export const OVERLAY_NODE_BLOCK_PREFIX = 24;
/**
 * Ranges reserved for "Kubernetes service, pod, and cluster virtual network address ranges"
 * (concepts-network-cni-overview). No IPv6 range is documented.
 */
export const RESERVED_RANGES: readonly string[] = ['169.254.0.0/16', '172.30.0.0/16', '172.31.0.0/16', '192.0.2.0/24'];
/** "Azure reserves the first four and last IP addresses" of every subnet (azure-cni-overlay). */
export const AZURE_SUBNET_RESERVED = 5;
/** DCsv2-series sizes, which overlay does not support ("You can't use DCsv2-series virtual machines"). */
export const OVERLAY_UNSUPPORTED_VM_SIZE = /^Standard_DC(\d+)s?_v2$/i;
/** "Starting on March 31, 2028, AKS no longer supports kubenet networking" (kubenet-retirement). */
export const KUBENET_RETIREMENT = '31 March 2028';
/**
 * The preview feature Windows pools on dual-stack overlay once needed. No longer required: "CNI Overlay
 * Dual-Stack on Windows no longer requires a preview feature registration" (AKS changelog 2026-07-17);
 * the constructs can still register it on request.
 */
export const WINDOWS_DUAL_STACK_FEATURE = 'Microsoft.ContainerService/AzureOverlayDualStackPreview';
