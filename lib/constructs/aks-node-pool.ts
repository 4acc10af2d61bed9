/**
 * AksNodePool: an extra node pool of an AksCluster (`az aks nodepool add`).
 */
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import {
  DEFAULT_LINUX_OS_SKU,
  DEFAULT_MAX_PODS_NODE_SUBNET,
  DEFAULT_MAX_PODS_OVERLAY,
  DEFAULT_NODE_COUNT,
  DEFAULT_VM_SIZE,
  DEFAULT_WINDOWS_OS_SKU,
} from '../model/defaults';
import type { AksCluster } from './aks-cluster';
import { assertPropsObject, assertSubnet, showValue } from './props';
import { AksStackValidation } from './stack-validation';
import { AksNetworkMode, AksNodePoolOptions, DEFAULT_MAX_PODS_WINDOWS, NodePoolMode, OsType } from './types';

/** Props of `cluster.addNodePool(id, props)` (`az aks nodepool add`). */
export interface AksNodePoolProps extends AksNodePoolOptions {
  /** `--name`: 1-12 lowercase letters and digits, starting with a letter; 1-6 for Windows (pool/name). */
  readonly name: string;
  /**
   * `--mode`.
   * @default 'User'
   */
  readonly mode?: NodePoolMode;
  /**
   * `--os-type`. A Windows pool adds a `windows_profile` to the cluster.
   * @default 'Linux'
   */
  readonly osType?: OsType;
}

/** Props of `new AksNodePool(scope, id, props)`: the pool's props and its cluster. */
export interface AksNodePoolConstructProps extends AksNodePoolProps {
  /** The cluster the pool belongs to. */
  readonly cluster: AksCluster;
}

/** The pool attributes shared by `default_node_pool` and `azurerm_kubernetes_cluster_node_pool`, in azurerm config names. */
export interface PoolConfig {
  readonly name: string;
  readonly vmSize: string;
  readonly nodeCount?: number;
  readonly autoScalingEnabled?: boolean;
  readonly minCount?: number;
  readonly maxCount?: number;
  readonly maxPods?: number;
  readonly osSku: string;
  readonly zones?: string[];
  readonly vnetSubnetId?: string;
  readonly orchestratorVersion?: string;
  readonly nodeLabels?: { [key: string]: string };
}

/**
 * Applies the `az aks create` / `az aks nodepool add` defaults to pool options (shared by the
 * default pool and extra pools), and registers a custom subnet with the cluster.
 * @internal
 */
export function resolvePoolConfig(cluster: AksCluster, name: string, osType: string, o: AksNodePoolOptions, path: string, subnetProp: string): PoolConfig {
  if (o.vnetSubnet !== undefined) assertSubnet(path, subnetProp, o.vnetSubnet);
  const autoscaling = o.minCount !== undefined || o.maxCount !== undefined;
  const windows = osType === 'Windows';
  return {
    name,
    vmSize: o.vmSize ?? DEFAULT_VM_SIZE,
    nodeCount: o.nodeCount ?? (autoscaling ? undefined : DEFAULT_NODE_COUNT),
    autoScalingEnabled: autoscaling ? true : undefined,
    minCount: o.minCount,
    maxCount: o.maxCount,
    maxPods: o.maxPods ?? defaultMaxPods(cluster.networkMode, windows),
    osSku: o.osSku ?? (windows ? DEFAULT_WINDOWS_OS_SKU : DEFAULT_LINUX_OS_SKU),
    zones: o.zones,
    vnetSubnetId: o.vnetSubnet === undefined ? undefined : cluster.useSubnet(o.vnetSubnet),
    orchestratorVersion: o.orchestratorVersion,
    nodeLabels: o.nodeLabels,
  };
}

function defaultMaxPods(mode: AksNetworkMode, windows: boolean): number | undefined {
  if (mode === 'overlay') return windows ? DEFAULT_MAX_PODS_WINDOWS : DEFAULT_MAX_PODS_OVERLAY;
  if (mode === 'node-subnet') return DEFAULT_MAX_PODS_NODE_SUBNET;
  return undefined;
}

/**
 * An extra node pool (`azurerm_kubernetes_cluster_node_pool`), Linux or Windows, System or
 * User, optionally on its own subnet. Create it with `cluster.addNodePool(id, props)`.
 *
 * @example
 * // az aks nodepool add --name win --os-type Windows --node-count 2
 * cluster.addNodePool('win', { name: 'win', osType: 'Windows', nodeCount: 2 });
 */
export class AksNodePool extends Construct {
  /** The underlying azurerm resource (escape hatch). */
  public readonly resource: KubernetesClusterNodePool;
  /** The cluster the pool belongs to. */
  public readonly cluster: AksCluster;
  /** The pool name. */
  public readonly name: string;
  /** `Linux` or `Windows`. */
  public readonly osType: string;
  /** `System` or `User`. */
  public readonly mode: string;
  /** The rendered `os_sku`. */
  public readonly osSku: string;
  /** The rendered `max_pods`, when the constructs set one. */
  public readonly maxPods?: number;

  constructor(scope: Construct, id: string, props: AksNodePoolConstructProps) {
    super(scope, id);
    assertPropsObject(this.node.path, 'AksNodePool', props, "{ cluster, name: 'user' } (or cluster.addNodePool('user', { name: 'user' }))");
    AksStackValidation.of(this);
    const { cluster } = props;
    if (!Construct.isConstruct(cluster) || !('resource' in cluster)) {
      throw new Error(`${this.node.path}: cluster is ${showValue(cluster)}; pass the AksCluster the pool belongs to, or use cluster.addNodePool(id, props)`);
    }
    this.cluster = cluster;
    this.name = props.name;
    this.osType = props.osType ?? 'Linux';
    this.mode = props.mode ?? 'User';
    if (!Token.isUnresolved(this.osType) && this.osType !== 'Linux' && this.osType !== 'Windows') {
      throw new Error(`${this.node.path}: pool/os-sku: osType '${this.osType}' is neither 'Linux' nor 'Windows'`);
    }
    if (!Token.isUnresolved(this.mode) && this.mode !== 'System' && this.mode !== 'User') {
      throw new Error(`${this.node.path}: mode '${this.mode}' is neither 'System' nor 'User'`);
    }
    const config = resolvePoolConfig(cluster, props.name, this.osType, props, this.node.path, 'vnetSubnet');
    this.osSku = config.osSku;
    this.maxPods = config.maxPods;
    if (this.osType === 'Windows') cluster._useWindows();
    this.resource = new KubernetesClusterNodePool(this, 'resource', {
      ...config,
      kubernetesClusterId: cluster.resource.id,
      mode: this.mode,
      osType: this.osType,
    });
  }
}
