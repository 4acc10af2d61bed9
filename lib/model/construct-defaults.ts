/**
 * The AKS facts the constructs render that lib/model/defaults.ts did not hold yet: names, the
 * admin user name, the Windows max-pods choice, the `os_sku` vocabulary and the dual-stack preview
 * feature id. Pure: no cdktf imports. lib/constructs re-exports them under their old public names
 * (`OsSku`, `DEFAULT_MAX_PODS_WINDOWS`, ...), so no default is defined in lib/constructs.
 */
import { defaultMaxPods, type NetworkMode } from './effective';

/** `az aks create --nodepool-name` omitted: the default pool is `nodepool1`. */
export const DEFAULT_NODE_POOL_NAME = 'nodepool1';

/**
 * The admin user name of `linux_profile` (`az aks create --admin-username`, default `azureuser`) and
 * the one AKS gives the Windows profile it generates: "If you didn't specify administrator
 * credentials when you created a cluster ... the username defaults to *azureuser* and a randomized
 * password" (https://learn.microsoft.com/azure/aks/windows-faq, "How do I change the administrator
 * password for Windows Server nodes on my cluster?").
 */
export const DEFAULT_ADMIN_USERNAME = 'azureuser';

/**
 * The `max_pods` the constructs render for Windows pools on overlay: "For Windows Server
 * containers, the maximum recommended value is 110" (https://learn.microsoft.com/azure/aks/azure-cni-overlay),
 * the most Windows nodes run without a pool/max-pods warning. AKS's own default is the mode's (250).
 */
export const DEFAULT_MAX_PODS_WINDOWS = 110;

/**
 * The `max_pods` the constructs render when `maxPods` is omitted: the mode's default (250 overlay,
 * 30 node-subnet, from the same table the model uses) and {@link DEFAULT_MAX_PODS_WINDOWS} for
 * Windows on overlay; undefined (omitted, AKS applies its default) for kubenet, none and an unknown mode.
 */
export function constructMaxPods(mode: NetworkMode | undefined, osType: string): number | undefined {
  if (mode !== 'overlay' && mode !== 'node-subnet') return undefined;
  return mode === 'overlay' && osType === 'Windows' ? DEFAULT_MAX_PODS_WINDOWS : defaultMaxPods(mode);
}

/**
 * Known `os_sku` values (azurerm v4.55 `StringInSlice` in kubernetes_nodepool.go and
 * kubernetes_cluster_node_pool_resource.go; RULES.md pool/os-sku). Other strings pass through to the rules.
 */
export const OS_SKU = {
  UBUNTU: 'Ubuntu',
  UBUNTU_2204: 'Ubuntu2204',
  AZURE_LINUX: 'AzureLinux',
  AZURE_LINUX_3: 'AzureLinux3',
  WINDOWS_2019: 'Windows2019',
  WINDOWS_2022: 'Windows2022',
} as const;

/**
 * The preview feature Windows pools on dual-stack overlay clusters needed, as `Namespace/Feature`.
 * No longer needed: "CNI Overlay Dual-Stack on Windows no longer requires a preview feature
 * registration" (AKS changelog, 2026-07-17, https://github.com/Azure/AKS/blob/master/CHANGELOG.md).
 * The constructs register it only on request (`registerDualStackPreviewFeature`).
 */
export const DUAL_STACK_PREVIEW_FEATURE = 'Microsoft.ContainerService/AzureOverlayDualStackPreview';

/**
 * `--dns-name-prefix` omitted: the cluster name with every character other than letters, digits
 * and `-` replaced by `-`, cut to 54 characters (azurerm `KubernetesDNSPrefix`: 1-54 letters,
 * digits and hyphens, starting and ending with a letter or digit), leading and trailing `-`
 * removed; `aks` when nothing is left.
 * @example defaultDnsPrefix('my_cluster') // 'my-cluster'
 */
export function defaultDnsPrefix(name: string): string {
  const prefix = name.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 54).replace(/^-+|-+$/g, '');
  return prefix === '' ? 'aks' : prefix;
}
