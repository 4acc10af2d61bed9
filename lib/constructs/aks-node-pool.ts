/**
 * AksNodePool: an extra node pool of an AksCluster (`az aks nodepool add`).
 */
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import type { IAksCluster } from './cluster-interface';
import { resolvePoolSettings } from './pool-settings';
import { assertPropsObject, showValue } from './props';
import { AksStackValidation } from './stack-validation';
import { AksNodePoolOptions, NodePoolMode, OsType } from './types';

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
   * `--os-type`. A Windows pool needs no `windows_profile`: AKS generates one (see
   * `AksClusterProps.windowsProfile`).
   * @default 'Linux'
   */
  readonly osType?: OsType;
}

/** Props of `new AksNodePool(scope, id, props)`: the pool's props and its cluster. */
export interface AksNodePoolConstructProps extends AksNodePoolProps {
  /** The cluster the pool belongs to: an `AksCluster`, or any {@link IAksCluster}. */
  readonly cluster: IAksCluster;
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
  public readonly cluster: IAksCluster;
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
    assertPropsObject(
      this.node.path,
      'AksNodePool',
      props,
      "{ cluster, name: 'user' } (or cluster.addNodePool('user', { name: 'user' }))",
    );
    AksStackValidation.of(this);
    const { cluster } = props;
    if (!Construct.isConstruct(cluster) || typeof (cluster as Partial<IAksCluster>).useSubnet !== 'function') {
      const hint = 'pass the AksCluster (or IAksCluster) the pool belongs to, or use cluster.addNodePool(id, props)';
      throw new Error(`${this.node.path}: cluster is ${showValue(cluster)}; ${hint}`);
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
    const { config, subnet } = resolvePoolSettings(props.name, this.osType, props, cluster.networkMode, {
      path: this.node.path,
      subnetProp: 'vnetSubnet',
    });
    if (subnet !== undefined) cluster.useSubnet(subnet);
    this.osSku = config.osSku;
    this.maxPods = config.maxPods;
    this.resource = new KubernetesClusterNodePool(this, 'resource', {
      ...config,
      kubernetesClusterId: cluster.clusterId,
      mode: this.mode,
      osType: this.osType,
    });
  }
}
