/**
 * Scenario `overlay-dedicated-subnet`: an overlay cluster on your own VNet, with a second
 * System node pool of 1 node on a dedicated subnet.
 *
 * ```sh
 * az network vnet create -g rg-aks-overlay-subnets -n vnet-aks-overlay --address-prefixes 10.224.0.0/12 \
 *   --subnet-name nodes --subnet-prefixes 10.224.0.0/16
 * az network vnet subnet create -g rg-aks-overlay-subnets --vnet-name vnet-aks-overlay -n system --address-prefixes
 * 10.225.0.0/16
 * az aks create -n aks-overlay-subnets -g rg-aks-overlay-subnets --network-plugin azure --network-plugin-mode overlay \
 *   --pod-cidr 192.168.0.0/16 --vnet-subnet-id <nodes subnet id>
 * az aks nodepool add -g rg-aks-overlay-subnets --cluster-name aks-overlay-subnets -n npsystem \
 *   --node-count 1 --mode system --vnet-subnet-id <system subnet id>
 * ```
 *
 * The VNet stays clear of the default service range 10.0.0.0/16 and of the pod range (rule
 * `network/overlap`); the cluster identity gets Network Contributor on both subnets.
 */
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AksCluster } from '../lib/constructs/aks-cluster';
import { AksNodePool } from '../lib/constructs/aks-node-pool';
import { azurermProvider, ExampleStackProps, resolveEnvironment, resourceGroup } from './common';

/** Props of {@link OverlayDedicatedSubnetStack}. */
export interface OverlayDedicatedSubnetStackProps extends ExampleStackProps {
  /**
   * The VNet's address space.
   * @default ['10.224.0.0/12']
   */
  readonly vnetAddressSpace?: string[];
  /**
   * The prefix of the subnet of the cluster's default pool.
   * @default '10.224.0.0/16'
   */
  readonly nodeSubnetPrefix?: string;
  /**
   * The prefix of the dedicated subnet of the extra System pool.
   * @default '10.225.0.0/16'
   */
  readonly systemPoolSubnetPrefix?: string;
  /**
   * `--pod-cidr`.
   * @default '192.168.0.0/16'
   */
  readonly podCidr?: string;
  /**
   * The extra System pool's name (`az aks nodepool add --name`).
   * @default 'npsystem'
   */
  readonly systemPoolName?: string;
}

/** An overlay cluster on a VNet with two subnets: the default pool on one, a System pool of 1 node on the other. */
export class OverlayDedicatedSubnetStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: AksCluster;
  /** The System pool on the dedicated subnet. */
  public readonly systemPool: AksNodePool;
  /** The VNet. */
  public readonly vnet: VirtualNetwork;
  /** The default pool's subnet. */
  public readonly nodeSubnet: Subnet;
  /** The dedicated subnet of the System pool. */
  public readonly systemPoolSubnet: Subnet;

  constructor(scope: Construct, id: string, props: OverlayDedicatedSubnetStackProps = {}) {
    super(scope, id);
    const env = resolveEnvironment(props, 'aks-overlay-subnets');
    azurermProvider(this, props);
    const rg = resourceGroup(this, env);
    this.vnet = new VirtualNetwork(this, 'vnet', {
      name: `vnet-${env.name}`,
      resourceGroupName: rg.name,
      location: env.location,
      addressSpace: props.vnetAddressSpace ?? ['10.224.0.0/12'],
      tags: env.tags,
    });
    const subnet = (id: string, prefix: string): Subnet =>
      new Subnet(this, id, {
        name: id,
        resourceGroupName: rg.name,
        virtualNetworkName: this.vnet.name,
        addressPrefixes: [prefix],
      });
    this.nodeSubnet = subnet('nodes', props.nodeSubnetPrefix ?? '10.224.0.0/16');
    this.systemPoolSubnet = subnet('system', props.systemPoolSubnetPrefix ?? '10.225.0.0/16');
    this.cluster = new AksCluster(this, 'aks', {
      name: env.name,
      resourceGroupName: rg.name,
      location: env.location,
      tags: env.tags,
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      podCidr: props.podCidr ?? '192.168.0.0/16',
      defaultNodePool: { vnetSubnet: this.nodeSubnet },
    });
    this.systemPool = this.cluster.addNodePool('system-pool', {
      name: props.systemPoolName ?? 'npsystem',
      mode: 'System',
      nodeCount: 1,
      vnetSubnet: this.systemPoolSubnet,
    });
  }
}
