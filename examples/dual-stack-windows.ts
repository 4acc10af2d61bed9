/**
 * Scenario `dual-stack-windows`: the dual-stack cluster plus a Windows node pool of 2 nodes.
 *
 * ```sh
 * az aks create -n aks-dual-stack-win -g rg-aks-dual-stack-win --network-plugin azure \
 *   --network-plugin-mode overlay --ip-families ipv4,ipv6
 * az aks nodepool add -g rg-aks-dual-stack-win --cluster-name aks-dual-stack-win \
 *   --os-type Windows --name npwin --node-count 2
 * ```
 *
 * As with `az`, the cluster is created without Windows flags and AKS generates the Windows
 * profile (user `azureuser`, a random password): the stack declares no password variable, so it
 * deploys without `TF_VAR_windows_admin_password` and no Windows password reaches Terraform
 * state. Set a password later with `az aks update --windows-admin-password` (README, "Windows
 * pools").
 *
 * The walkthrough's `az feature register --name AzureOverlayDualStackPreview` step is no longer
 * needed: "CNI Overlay Dual-Stack on Windows no longer requires a preview feature registration"
 * (AKS changelog, 2026-07-17). Prop `previewFeatureRegistration` still shows both ways of
 * opting in, for subscriptions that want the step:
 * - `'none'` (default): no registration.
 * - `'az-cli'`: you ran `az feature register` once per subscription; the stack records the
 *   feature as registered in its check context.
 * - `'terraform'`: the stack manages the registration itself (`azurerm_resource_provider_registration`
 *   of `Microsoft.ContainerService` with the feature). The azurerm provider then runs with
 *   `resource_provider_registrations = "none"`, and since a subscription that runs AKS already
 *   has the provider registered, import it before the first apply:
 *   `terraform import azurerm_resource_provider_registration.microsoft-containerservice /subscriptions/<id>/providers/Microsoft.ContainerService`.
 */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AksCluster } from '../lib/constructs/aks-cluster';
import { AksNodePool } from '../lib/constructs/aks-node-pool';
import { AksStackValidation } from '../lib/constructs/stack-validation';
import { DUAL_STACK_PREVIEW_FEATURE } from '../lib/constructs/types';
import { azurermProvider, resolveEnvironment, resourceGroup } from './common';
import { dualStackClusterProps, DualStackStackProps } from './dual-stack';

/** Whether and how the `AzureOverlayDualStackPreview` feature gets registered: see the file comment. */
export type PreviewFeatureRegistration = 'none' | 'az-cli' | 'terraform';

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
   * Whether and how the (no longer needed) preview feature is registered: `'none'`, `'az-cli'`
   * (you ran `az feature register`) or `'terraform'` (the stack registers it).
   * @default 'none'
   */
  readonly previewFeatureRegistration?: PreviewFeatureRegistration;
}

/** The dual-stack cluster with a Windows pool of 2 nodes (AKS generates its Windows profile). */
export class DualStackWindowsStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: AksCluster;
  /** The Windows pool. */
  public readonly windowsPool: AksNodePool;

  constructor(scope: Construct, id: string, props: DualStackWindowsStackProps = {}) {
    super(scope, id);
    const env = resolveEnvironment(props, 'aks-dual-stack-win');
    const registration = props.previewFeatureRegistration ?? 'none';
    if (registration !== 'none' && registration !== 'az-cli' && registration !== 'terraform') {
      const given = `previewFeatureRegistration is '${String(registration)}'`;
      throw new Error(`${this.node.path}: ${given}; use 'none', 'az-cli' or 'terraform'`);
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
