/**
 * Props of {@link AksCluster}: names follow the `az aks create` flags.
 */
import type { IpFamily } from '../net';
import type { AksDefaultNodePoolProps, NetworkPlugin, NetworkPluginMode } from './types';

/**
 * `windows_profile` of the cluster (`--windows-admin-username` / `--windows-admin-password`).
 * Give it only to choose the Windows admin credentials yourself: without it AKS generates the
 * profile (user `azureuser`, a random password), as `az aks create` + `az aks nodepool add
 * --os-type Windows` do.
 */
export interface AksWindowsProfile {
  /**
   * `--windows-admin-username`. azurerm marks `windows_profile.admin_username` ForceNew: on a
   * cluster whose profile AKS generated, keep `azureuser` (the generated name), or Terraform
   * replaces the cluster.
   * @default 'azureuser'
   */
  readonly adminUsername?: string;
  /**
   * `--windows-admin-password`: a token (e.g. a sensitive `TerraformVariable`'s `stringValue`
   * or a Key Vault secret's `value`), never a literal. A literal string throws at construction:
   * that is this library's policy (the secret would be written to the synthesized JSON), not an
   * Azure rule. Whatever its source, the password Terraform sends is stored in Terraform state.
   * @default `var.windows_admin_password`, a sensitive variable the stack declares (WINDOWS_ADMIN_PASSWORD_VARIABLE)
   */
  readonly adminPassword?: string;
}

/** Props of {@link AksCluster}; names follow the `az aks create` flags. */
export interface AksClusterProps {
  /** `--name`: the cluster name. */
  readonly name: string;
  /** `--resource-group`. */
  readonly resourceGroupName: string;
  /** `--location`, e.g. `eastus2`. */
  readonly location: string;
  /**
   * `--dns-name-prefix`.
   * @default the name with every character other than letters, digits and `-` replaced by `-`, cut to 54 characters
   */
  readonly dnsPrefix?: string;
  /**
   * `--kubernetes-version`, e.g. `1.33`.
   * @default AKS's default version at create time
   */
  readonly kubernetesVersion?: string;
  /**
   * `--tags`.
   * @default no tags
   */
  readonly tags?: { [key: string]: string };
  /**
   * `--tier`: `Free`, `Standard` or `Premium`.
   * @default AKS's default (`Free`)
   */
  readonly skuTier?: string;
  /**
   * `--network-plugin`. Omitted means Azure CNI Overlay (`azure` + `overlay`); `azure` without
   * `networkPluginMode` means node-subnet mode (classic Azure CNI, kept by AKS for backward
   * compatibility).
   * @default 'azure' with networkPluginMode 'overlay'
   */
  readonly networkPlugin?: NetworkPlugin;
  /**
   * `--network-plugin-mode`.
   * @default 'overlay' when networkPlugin is omitted; none (node-subnet mode) when networkPlugin is 'azure'
   */
  readonly networkPluginMode?: NetworkPluginMode;
  /**
   * `--pod-cidr` (single-stack): the overlay pod range; every node takes a /24 of it.
   * Use `podCidrs` for dual-stack.
   * @default '10.244.0.0/16' on overlay; none in node-subnet mode
   */
  readonly podCidr?: string;
  /**
   * `--ip-families`: `['IPv4']` or `['IPv4', 'IPv6']` (dual-stack).
   * @default ['IPv4']
   */
  readonly ipFamilies?: IpFamily[];
  /**
   * `--pod-cidrs`: one pod range per family, in family order.
   * @default ['10.244.0.0/16', 'fd12:3456:789a::/64'] for dual-stack (one default per family)
   */
  readonly podCidrs?: string[];
  /**
   * `--service-cidrs`: one service range per family, in family order.
   * @default ['10.0.0.0/16', 'fd12:3456:789a:1::/108'] for dual-stack (one default per family)
   */
  readonly serviceCidrs?: string[];
  /**
   * `--service-cidr` (single-stack).
   * @default '10.0.0.0/16'
   */
  readonly serviceCidr?: string;
  /**
   * `--dns-service-ip`: inside the IPv4 service range.
   * @default '10.0.0.10' with the default service range; otherwise the `.10` address of the IPv4 service range
   */
  readonly dnsServiceIp?: string;
  /**
   * `--network-policy`: `azure`, `calico` or `cilium`.
   * @default none
   */
  readonly networkPolicy?: string;
  /**
   * `--network-dataplane`: `azure` or `cilium` (`network_data_plane`).
   * @default AKS's default (`azure`)
   */
  readonly networkDataplane?: string;
  /**
   * `--outbound-type`.
   * @default AKS's default (`loadBalancer`)
   */
  readonly outboundType?: string;
  /**
   * The default (system) node pool: Linux, `System`.
   * @default nodepool1: 3 x Standard_DS2_v2, Ubuntu, on an AKS-managed VNet
   */
  readonly defaultNodePool?: AksDefaultNodePoolProps;
  /**
   * `--ssh-key-value`: the admin's SSH public key (`linux_profile`). The walkthrough's
   * `--generate-ssh-keys` makes a key pair locally; pass its public half here. The library never
   * generates a private key (it would land in Terraform state).
   * @default no linux_profile (no SSH access to nodes)
   */
  readonly sshPublicKey?: string;
  /**
   * `--admin-username` of `linux_profile` (used with `sshPublicKey`).
   * @default 'azureuser'
   */
  readonly linuxAdminUsername?: string;
  /**
   * `windows_profile`: the Windows admin credentials. Without it the cluster has no
   * `windows_profile` and no password variable, whether or not it has Windows pools: AKS
   * generates the profile (user `azureuser`, a random password) for Azure CNI clusters with the
   * standard load balancer and scale-set pools, the `az aks create` defaults (Azure/AKS#1545),
   * and no Windows password reaches Terraform state. Set or reset the password later with
   * `az aks update -g <rg> -n <cluster> --windows-admin-password <password>`
   * (https://learn.microsoft.com/azure/aks/windows-faq). Adding `windowsProfile` to an existing
   * cluster updates it in place as long as `adminUsername` stays `azureuser`.
   * @default none: AKS generates the Windows profile
   */
  readonly windowsProfile?: AksWindowsProfile;
  /**
   * Grant the cluster's identity the `Network Contributor` role on each custom node subnet, as
   * `az aks create --vnet-subnet-id` and `az aks nodepool add --vnet-subnet-id` do, so that
   * AKS can manage load balancers and IPs there. Set to false when you grant it yourself.
   * @default true (one assignment per custom subnet, or one on `networkContributorScope`)
   */
  readonly assignNetworkContributor?: boolean;
  /**
   * A scope for a single `Network Contributor` assignment instead of one per subnet, e.g. the
   * VNet's ID (`vnet.id`).
   * @default each custom subnet
   */
  readonly networkContributorScope?: string;
  /**
   * Register the `AzureOverlayDualStackPreview` feature of `Microsoft.ContainerService` (the
   * walkthrough's `az feature register` step) with an `azurerm_resource_provider_registration`
   * (one per stack). Windows pools on dual-stack overlay no longer need it: "CNI Overlay
   * Dual-Stack on Windows no longer requires a preview feature registration" (AKS changelog,
   * 2026-07-17); the opt-in stays for subscriptions that still want the step. Two catches:
   * 1. The azurerm provider registers resource providers itself unless told not to; turn that
   *    off, or the registration conflicts: `resource_provider_registrations = "none"` on the
   *    azurerm provider (azurerm 4.x; `resourceProviderRegistrations: 'none'` on `AzurermProvider`).
   * 2. `Microsoft.ContainerService` is usually registered already in a subscription that runs
   *    AKS: import it first (`terraform import azurerm_resource_provider_registration.<name>
   *    /subscriptions/<id>/providers/Microsoft.ContainerService`), or apply fails with "already exists".
   * @default false
   */
  readonly registerDualStackPreviewFeature?: boolean;
}
