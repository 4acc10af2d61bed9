/**
 * Scenario `overlay`: an AKS cluster on Azure CNI Overlay with a custom pod CIDR.
 *
 * ```sh
 * az group create --name rg-aks-overlay --location eastus2
 * az aks create --name aks-overlay --resource-group rg-aks-overlay --location eastus2 \
 *   --network-plugin azure --network-plugin-mode overlay --pod-cidr 192.168.0.0/16
 * ```
 */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AksCluster } from '../lib/constructs/aks-cluster';
import { azurermProvider, ExampleStackProps, resolveEnvironment, resourceGroup } from './common';

/** Props of {@link OverlayStack}. */
export interface OverlayStackProps extends ExampleStackProps {
  /**
   * `--pod-cidr`: the overlay pod range (every node takes a /24 of it).
   * @default '192.168.0.0/16'
   */
  readonly podCidr?: string;
}

/**
 * The walkthrough's overlay cluster: `--network-plugin azure --network-plugin-mode overlay --pod-cidr 192.168.0.0/16`.
 */
export class OverlayStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: AksCluster;

  constructor(scope: Construct, id: string, props: OverlayStackProps = {}) {
    super(scope, id);
    const env = resolveEnvironment(props, 'aks-overlay');
    azurermProvider(this, props);
    const rg = resourceGroup(this, env);
    this.cluster = new AksCluster(this, 'aks', {
      name: env.name,
      resourceGroupName: rg.name,
      location: env.location,
      tags: env.tags,
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      podCidr: props.podCidr ?? '192.168.0.0/16',
    });
  }
}
