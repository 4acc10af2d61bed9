/**
 * Scenario `dual-stack-windows`: the dual-stack cluster plus a Windows node pool of 2 nodes.
 *
 * ```sh
 * # once per subscription: the preview feature Windows pools on dual-stack overlay needed
 * az feature register --namespace Microsoft.ContainerService --name AzureOverlayDualStackPreview
 * az provider register --namespace Microsoft.ContainerService
 * az aks create -n aks-dual-stack-win -g rg-aks-dual-stack-win --network-plugin azure \
 *   --network-plugin-mode overlay --ip-families ipv4,ipv6
 * az aks nodepool add -g rg-aks-dual-stack-win --cluster-name aks-dual-stack-win \
 *   --os-type Windows --name npwin --node-count 2
 * ```
 *
 * The preview-feature opt-in, two ways (prop `previewFeatureRegistration`):
 * - `'az-cli'` (default): you ran `az feature register` above once per subscription; the stack
 *   records the feature as registered so the rule `pool/windows-dual-stack-preview` is satisfied.
 * - `'terraform'`: the stack manages the registration itself (`azurerm_resource_provider_registration`
 *   of `Microsoft.ContainerService` with the feature). The azurerm provider then runs with
 *   `resource_provider_registrations = "none"`, and since a subscription that runs AKS already
 *   has the provider registered, import it before the first apply:
 *   `terraform import azurerm_resource_provider_registration.microsoft-containerservice /subscriptions/<id>/providers/Microsoft.ContainerService`.
 *
 * The Windows admin password comes from the sensitive variable `windows_admin_password`
 * (`TF_VAR_windows_admin_password`, 14-123 characters); it never appears in the JSON.
 */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AksCluster } from '../lib/constructs/aks-cluster';
import { AksNodePool } from '../lib/constructs/aks-node-pool';
import { AksStackValidation } from '../lib/constructs/stack-validation';
import { DUAL_STACK_PREVIEW_FEATURE } from '../lib/constructs/types';
import { azurermProvider, resolveEnvironment, resourceGroup } from './common';
import { dualStackClusterProps, DualStackStackProps } from './dual-stack';

/** How the `AzureOverlayDualStackPreview` feature gets registered: see the file comment. */
export type PreviewFeatureRegistration = 'az-cli' | 'terraform';

/** Props of {@link DualStackWindowsStack}. */
export interface DualStackWindowsStackProps extends DualStackStackProps {
  /**
   * The Windows pool's name (1-6 characters, rule `pool/name`).
   * @default 'npwin'
   */
  readonly windowsPoolName?: string;
  /**
   * The Windows pool's node count.
   * @default 2
   */
  readonly windowsNodeCount?: number;
  /**
   * How the preview feature is registered: `'az-cli'` (you ran `az feature register`) or
   * `'terraform'` (the stack registers it).
   * @default 'az-cli'
   */
  readonly previewFeatureRegistration?: PreviewFeatureRegistration;
}

/** The dual-stack cluster with a Windows pool of 2 nodes, and the preview-feature opt-in. */
export class DualStackWindowsStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: AksCluster;
  /** The Windows pool. */
  public readonly windowsPool: AksNodePool;

  constructor(scope: Construct, id: string, props: DualStackWindowsStackProps = {}) {
    super(scope, id);
    const env = resolveEnvironment(props, 'aks-dual-stack-win');
    const registration = props.previewFeatureRegistration ?? 'az-cli';
    if (registration !== 'az-cli' && registration !== 'terraform') {
      throw new Error(`${this.node.path}: pool/windows-dual-stack-preview: previewFeatureRegistration is '${String(registration)}'; use 'az-cli' or 'terraform'`);
    }
    azurermProvider(this, props, registration === 'terraform' ? { resourceProviderRegistrations: 'none' } : {});
    if (registration === 'az-cli') AksStackValidation.of(this).addRegisteredFeature(DUAL_STACK_PREVIEW_FEATURE);
    const rg = resourceGroup(this, env);
    this.cluster = new AksCluster(this, 'aks', {
      ...dualStackClusterProps(env, rg.name, props),
      registerDualStackPreviewFeature: registration === 'terraform',
    });
    this.windowsPool = this.cluster.addNodePool('windows-pool', {
      name: props.windowsPoolName ?? 'npwin',
      osType: 'Windows',
      nodeCount: props.windowsNodeCount ?? 2,
    });
  }
}
