/**
 * IAksCluster: what a node pool or a service needs of a cluster (in the spirit of aws-eks's
 * `ICluster`), so that pools and services depend on this interface rather than on the
 * `AksCluster` class.
 */
import type { IConstruct } from 'constructs';
import type { ServiceClusterInfo } from './load-balancer-service';
import type { AksNetworkMode, AksSubnet } from './types';

/**
 * An AKS cluster as pools and services see it. `AksCluster` implements it; implement it
 * yourself to add pools to a cluster this app does not create (e.g. one read with the
 * `azurerm_kubernetes_cluster` data source), with `useSubnet` registering subnets as you need.
 *
 * @example
 * const pool = new AksNodePool(this, 'win', { cluster, name: 'win', osType: 'Windows' });
 */
export interface IAksCluster extends IConstruct, ServiceClusterInfo {
  /** The cluster's resource ID (`azurerm_kubernetes_cluster.id`), a token: a pool's `kubernetes_cluster_id`. */
  readonly clusterId: string;
  /** How pods get their addresses; decides a pool's `max_pods` default. */
  readonly networkMode: AksNetworkMode;
  /**
   * Registers a custom node subnet a pool uses (role assignment, stack validation context).
   * @returns the subnet ID to reference
   */
  useSubnet(subnet: AksSubnet): string;
}
