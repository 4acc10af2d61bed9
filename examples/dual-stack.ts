/**
 * Scenario `dual-stack`: an AKS cluster on Azure CNI Overlay with IPv4 and IPv6 and the
 * default ranges (pods 10.244.0.0/16 + fd12:3456:789a::/64, services 10.0.0.0/16 +
 * fd12:3456:789a:1::/108).
 *
 * ```sh
 * az aks create --name aks-dual-stack --resource-group rg-aks-dual-stack --location eastus2 \
 *   --network-plugin azure --network-plugin-mode overlay --ip-families ipv4,ipv6
 * ```
 */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AksCluster, AksClusterProps } from '../lib/constructs/aks-cluster';
import { azurermProvider, ExampleEnvironment, ExampleStackProps, resolveEnvironment, resourceGroup } from './common';

/** The cluster name of the `dual-stack` example, also what `dual-stack-workload` reads by default. */
export const DUAL_STACK_DEFAULT_NAME = 'aks-dual-stack';

/** Props of {@link DualStackStack}. */
export interface DualStackStackProps extends ExampleStackProps {
  /**
   * `--pod-cidrs`: one range per family.
   * @default ['10.244.0.0/16', 'fd12:3456:789a::/64']
   */
  readonly podCidrs?: string[];
  /**
   * `--service-cidrs`: one range per family.
   * @default ['10.0.0.0/16', 'fd12:3456:789a:1::/108']
   */
  readonly serviceCidrs?: string[];
}

/** The dual-stack cluster props shared by the `dual-stack` and `dual-stack-windows` examples. */
export function dualStackClusterProps(
  env: ExampleEnvironment,
  resourceGroupName: string,
  props: DualStackStackProps,
): AksClusterProps {
  return {
    name: env.name,
    resourceGroupName,
    location: env.location,
    tags: env.tags,
    networkPlugin: 'azure',
    networkPluginMode: 'overlay',
    ipFamilies: ['IPv4', 'IPv6'],
    podCidrs: props.podCidrs,
    serviceCidrs: props.serviceCidrs,
  };
}

/** The walkthrough's dual-stack cluster: `--ip-families ipv4,ipv6` with the default ranges. */
export class DualStackStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: AksCluster;

  constructor(scope: Construct, id: string, props: DualStackStackProps = {}) {
    super(scope, id);
    const env = resolveEnvironment(props, DUAL_STACK_DEFAULT_NAME);
    azurermProvider(this, props);
    const rg = resourceGroup(this, env);
    this.cluster = new AksCluster(this, 'aks', dualStackClusterProps(env, rg.name, props));
  }
}
