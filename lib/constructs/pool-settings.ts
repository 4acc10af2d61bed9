/**
 * Pool settings resolution: the `az aks create` / `az aks nodepool add` defaults applied to pool
 * options, shared by the cluster's default pool and extra pools. Knows nothing of the cluster
 * class: it takes the cluster's network mode and returns the subnet to register, and the caller
 * registers it (`IAksCluster.useSubnet`). Internal: not exported from lib/index.ts.
 */
import {
  CONSTRUCT_NODE_COUNT,
  constructMaxPods,
  DEFAULT_LINUX_OS_SKU,
  DEFAULT_VM_SIZE,
  DEFAULT_WINDOWS_OS_SKU,
} from '../facts';
import { assertSubnet } from './props';
import type { AksNetworkMode, AksNodePoolOptions, AksSubnet } from './types';

/** The attributes shared by `default_node_pool` and `azurerm_kubernetes_cluster_node_pool` (azurerm config names). */
export interface PoolConfig {
  /** `name`. */
  readonly name: string;
  /** `vm_size`. */
  readonly vmSize: string;
  /** `node_count`; omitted with autoscaling unless given. */
  readonly nodeCount?: number;
  /** `auto_scaling_enabled`: true when `minCount` or `maxCount` is set. */
  readonly autoScalingEnabled?: boolean;
  /** `min_count`. */
  readonly minCount?: number;
  /** `max_count`. */
  readonly maxCount?: number;
  /** `max_pods`; omitted where AKS's default applies. */
  readonly maxPods?: number;
  /** `os_sku`. */
  readonly osSku: string;
  /** `zones`. */
  readonly zones?: string[];
  /** `vnet_subnet_id`: the subnet's `id`. */
  readonly vnetSubnetId?: string;
  /** `orchestrator_version`. */
  readonly orchestratorVersion?: string;
  /** `node_labels`. */
  readonly nodeLabels?: { [key: string]: string };
}

/** What a pool's settings resolve to: the azurerm attributes, and the custom subnet the cluster must register. */
export interface PoolSettings {
  /** The attributes to render. */
  readonly config: PoolConfig;
  /** The pool's `vnetSubnet`, when given: register it with `cluster.useSubnet(subnet)`. */
  readonly subnet?: AksSubnet;
}

/** Where a pool's options come from, for messages. */
export interface PoolSource {
  /** The construct path that errors name. */
  readonly path: string;
  /** The subnet prop's name as the user wrote it, e.g. `vnetSubnet` or `defaultNodePool.vnetSubnet`. */
  readonly subnetProp: string;
}

/**
 * Applies the `az aks create` / `az aks nodepool add` defaults to pool options. Throws (naming the
 * prop) when `vnetSubnet` is not a subnet.
 * @param name the pool name
 * @param osType `Linux` or `Windows` (the default pool is Linux)
 * @param mode the cluster's network mode, for the `max_pods` default
 */
export function resolvePoolSettings(
  name: string,
  osType: string,
  o: AksNodePoolOptions,
  mode: AksNetworkMode,
  source: PoolSource,
): PoolSettings {
  if (o.vnetSubnet !== undefined) assertSubnet(source.path, source.subnetProp, o.vnetSubnet);
  const autoscaling = o.minCount !== undefined || o.maxCount !== undefined;
  const windows = osType === 'Windows';
  const config: PoolConfig = {
    name,
    vmSize: o.vmSize ?? DEFAULT_VM_SIZE,
    nodeCount: o.nodeCount ?? (autoscaling ? undefined : CONSTRUCT_NODE_COUNT),
    autoScalingEnabled: autoscaling ? true : undefined,
    minCount: o.minCount,
    maxCount: o.maxCount,
    maxPods: o.maxPods ?? constructMaxPods(mode === 'unknown' ? undefined : mode, osType),
    osSku: o.osSku ?? (windows ? DEFAULT_WINDOWS_OS_SKU : DEFAULT_LINUX_OS_SKU),
    zones: o.zones,
    vnetSubnetId: o.vnetSubnet?.id,
    orchestratorVersion: o.orchestratorVersion,
    nodeLabels: o.nodeLabels,
  };
  return o.vnetSubnet === undefined ? { config } : { config, subnet: o.vnetSubnet };
}
