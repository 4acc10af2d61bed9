/**
 * Prop types and enum-like string constants shared by the constructs. Enum-like values are
 * plain strings (so the Azure docs translate line by line); the constants only save typing.
 */
import type { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { TerraformResource, Token } from 'cdktf';
import type { IpFamily } from '../net';

// Defaults and vocabulary are defined in lib/facts (one home for the constructs, the model and the
// rules); re-exported here under their public names.
export {
  CONSTRUCT_WINDOWS_MAX_PODS as DEFAULT_MAX_PODS_WINDOWS,
  DEFAULT_ADMIN_USERNAME,
  DEFAULT_NODE_POOL_NAME,
  OS_SKU as OsSku,
  WINDOWS_DUAL_STACK_FEATURE as DUAL_STACK_PREVIEW_FEATURE,
} from '../facts';

/**
 * `--network-plugin`: `azure` (Azure CNI, overlay or node-subnet mode), `none` (bring your own CNI), `kubenet`
 * (retiring).
 */
export type NetworkPlugin = 'azure' | 'none' | 'kubenet';
/** The values of {@link NetworkPlugin}. */
export const NetworkPlugin = { AZURE: 'azure', NONE: 'none', KUBENET: 'kubenet' } as const;

/** `--network-plugin-mode`: only `overlay` exists. */
export type NetworkPluginMode = 'overlay';
/** The values of {@link NetworkPluginMode}. */
export const NetworkPluginMode = { OVERLAY: 'overlay' } as const;

/**
 * How pods get their addresses, as resolved from `networkPlugin` and `networkPluginMode`:
 * `overlay` (Azure CNI Overlay), `node-subnet` (classic Azure CNI: pods take subnet IPs),
 * `none` (bring your own CNI), `kubenet`, or `unknown` when a prop is an unresolved token.
 */
export type AksNetworkMode = 'overlay' | 'node-subnet' | 'none' | 'kubenet' | 'unknown';

/** The values of {@link IpFamily} (`--ip-families`). */
export const IpFamilies = { IPV4: 'IPv4', IPV6: 'IPv6' } as const satisfies Record<string, IpFamily>;

/** A node pool's `mode`. */
export type NodePoolMode = 'System' | 'User';
/** The values of {@link NodePoolMode}. */
export const NodePoolMode = { SYSTEM: 'System', USER: 'User' } as const;

/** A node pool's `os_type`. */
export type OsType = 'Linux' | 'Windows';
/** The values of {@link OsType}. */
export const OsType = { LINUX: 'Linux', WINDOWS: 'Windows' } as const;

/** `--tier` / `sku_tier` values. */
export const SkuTier = { FREE: 'Free', STANDARD: 'Standard', PREMIUM: 'Premium' } as const;

/** `--network-policy` values. */
export const NetworkPolicy = { AZURE: 'azure', CALICO: 'calico', CILIUM: 'cilium' } as const;

/** `--network-dataplane` values. */
export const NetworkDataplane = { AZURE: 'azure', CILIUM: 'cilium' } as const;

/** `--outbound-type` values. */
export const OutboundType = {
  LOAD_BALANCER: 'loadBalancer',
  USER_DEFINED_ROUTING: 'userDefinedRouting',
  MANAGED_NAT_GATEWAY: 'managedNATGateway',
  USER_ASSIGNED_NAT_GATEWAY: 'userAssignedNATGateway',
  NONE: 'none',
} as const;

/**
 * The name of the sensitive Terraform variable that holds the Windows admin password when a
 * cluster has a `windowsProfile` without `adminPassword`: set it with
 * `TF_VAR_windows_admin_password` (14 to 123 characters). One variable per stack, shared by the
 * clusters of that stack. Without `windowsProfile` there is no such variable: AKS generates the
 * Windows profile itself.
 */
export const WINDOWS_ADMIN_PASSWORD_VARIABLE = 'windows_admin_password';

/**
 * A subnet that is not an azurerm `Subnet` resource of this app: an existing subnet referenced
 * by its resource ID. Give `addressPrefixes` so the overlap and capacity rules can check it.
 */
export interface SubnetReference {
  /** The subnet's resource ID (a literal, or a token such as a data source's `id`). */
  readonly id: string;
  /**
   * The subnet's address prefixes, e.g. `['10.240.0.0/16']`.
   * @default unknown: the rules that need the prefixes skip with a warning
   */
  readonly addressPrefixes?: string[];
}

/** A node pool's subnet: an azurerm `Subnet` resource, or a {@link SubnetReference}. */
export type AksSubnet = Subnet | SubnetReference;

/**
 * The literal address prefixes of a subnet (a `Subnet`'s configured `address_prefixes`), or undefined when unknown or
 * tokens.
 */
export function subnetPrefixes(subnet: AksSubnet): readonly string[] | undefined {
  const prefixes = TerraformResource.isTerraformResource(subnet) ? subnet.addressPrefixesInput : subnet.addressPrefixes;
  if (!Array.isArray(prefixes) || Token.isUnresolved(prefixes) || prefixes.some((p) => Token.isUnresolved(p)))
    return undefined;
  return [...prefixes];
}

/** Node pool settings common to the default pool and to extra pools (`az aks nodepool add` flags). */
export interface AksNodePoolOptions {
  /**
   * `--node-vm-size`.
   * @default 'Standard_DS2_v2' (DEFAULT_VM_SIZE)
   */
  readonly vmSize?: string;
  /**
   * `--node-count`. With autoscaling (`minCount`/`maxCount`) it is the initial count.
   * @default 3 without autoscaling; omitted (AKS starts at minCount) with autoscaling
   */
  readonly nodeCount?: number;
  /**
   * `--min-count`; setting `minCount` or `maxCount` turns autoscaling on (`auto_scaling_enabled`).
   * @default no autoscaling
   */
  readonly minCount?: number;
  /**
   * `--max-count`; setting `minCount` or `maxCount` turns autoscaling on (`auto_scaling_enabled`).
   * @default no autoscaling
   */
  readonly maxCount?: number;
  /**
   * `--max-pods`.
   * @default 250 with Azure CNI Overlay (110 for Windows pools, the most that Windows nodes run without a
   * pool/max-pods-windows warning); 30 in node-subnet mode; AKS's own default otherwise
   */
  readonly maxPods?: number;
  /**
   * `--os-sku`, e.g. `Ubuntu`, `AzureLinux3`, `Windows2022`.
   * @default 'Ubuntu' for Linux, 'Windows2022' for Windows
   */
  readonly osSku?: string;
  /**
   * `--zones`, e.g. `['1', '2', '3']`.
   * @default no zones
   */
  readonly zones?: string[];
  /**
   * `--vnet-subnet-id`: your own subnet for the nodes. The cluster identity gets Network
   * Contributor on it (see `AksClusterProps.assignNetworkContributor`).
   * @default none: AKS creates and manages the VNet
   */
  readonly vnetSubnet?: AksSubnet;
  /**
   * `--kubernetes-version` of the pool (`orchestrator_version`).
   * @default the control plane's version
   */
  readonly orchestratorVersion?: string;
  /**
   * `--labels`.
   * @default no labels
   */
  readonly nodeLabels?: { [key: string]: string };
}

/** The cluster's default (system) node pool: always Linux and `System`. */
export interface AksDefaultNodePoolProps extends AksNodePoolOptions {
  /**
   * `--nodepool-name`.
   * @default 'nodepool1'
   */
  readonly name?: string;
}
