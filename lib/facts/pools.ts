/**
 * AKS node pool facts: OS types and SKUs, names, counts, pods per node, upgrade surge, Windows
 * admin accounts. Pure; no cdktf imports. Sources are quoted where used:
 * - AKS API 2025-10-01 `ManagedClusterAgentPoolProfile` (Azure/azure-rest-api-specs).
 * - azurerm v4.55.0 `internal/services/containers/kubernetes_nodepool.go`,
 *   `kubernetes_cluster_node_pool_resource.go`, `validate/kubernetes.go`.
 * - https://learn.microsoft.com/azure/aks/upgrade-os-version, .../use-system-pools,
 *   .../concepts-network-ip-address-planning
 */
import type { VersionBound } from './versions';

/** `os_type` values. */
export const OS_TYPES = ['Linux', 'Windows'] as const;
/** A node pool OS. */
export type OsType = (typeof OS_TYPES)[number];
/** `mode` values. */
export const POOL_MODES = ['System', 'User'] as const;

/**
 * The `os_sku` values azurerm v4.55.0 accepts per `os_type` (`StringInSlice` in kubernetes_nodepool.go
 * and kubernetes_cluster_node_pool_resource.go: AzureLinux, AzureLinux3, Ubuntu, Ubuntu2204,
 * Windows2019, Windows2022).
 */
export const OS_SKUS: Readonly<Record<OsType, readonly string[]>> = {
  Linux: ['Ubuntu', 'Ubuntu2204', 'AzureLinux', 'AzureLinux3'],
  Windows: ['Windows2019', 'Windows2022'],
};

/**
 * The `os_sku` values azurerm 3.x also accepts and 4.0 removed (`if !features.FourPointOhBeta()`:
 * AzureLinux, CBLMariner, Mariner, Ubuntu, Windows2019, Windows2022); `AzureLinux` replaces them.
 */
export const AZURERM3_ONLY_LINUX_OS_SKUS: readonly string[] = ['CBLMariner', 'Mariner'];

/** The Linux `os_sku` when omitted: "The default is Ubuntu if OSType is Linux" (API `osSKU`). */
export const DEFAULT_LINUX_OS_SKU = 'Ubuntu';
/**
 * The Windows `os_sku` the constructs render. AKS's own default depends on the version
 * (Windows2022 for 1.25-1.35, Windows2025 from 1.36, quick-windows-container-deploy-cli).
 */
export const DEFAULT_WINDOWS_OS_SKU = 'Windows2022';
/** The walkthrough's VM size (not an Azure default; it meets the System pool minimum of 2 vCPU / 4 GB). */
export const DEFAULT_VM_SIZE = 'Standard_DS2_v2';
/** The node count the constructs render (`az aks create --node-count` default). azurerm sends 0 when omitted. */
export const CONSTRUCT_NODE_COUNT = 3;

/**
 * The Kubernetes versions each `os_sku` supports (upgrade-os-version.md table; Windows2022 "isn't
 * supported in Kubernetes version 1.37 and later", windows-server-2022-retirement).
 */
export const OS_SKU_VERSIONS: Readonly<Record<string, { readonly min?: VersionBound; readonly max?: VersionBound }>> = {
  Ubuntu2204: { min: [1, 25], max: [1, 36] },
  Ubuntu2404: { min: [1, 32], max: [1, 38] },
  AzureLinux3: { min: [1, 28], max: [1, 36] },
  Windows2022: { max: [1, 36] },
  Windows2025: { min: [1, 32] },
};
/** "Azure Linux 2.0 is default for Kubernetes version 1.27 to 1.31. Azure Linux 3.0 ... 1.32+" (upgrade-os-version). */
export const AZURE_LINUX_3_MIN_VERSION: VersionBound = [1, 32];
/** "Node pools running Kubernetes version 1.33+ can't use Windows Server 2019" (windows-server-2019-retirement). */
export const WINDOWS_2019_LAST_VERSION: VersionBound = [1, 32];

/** API pattern `^[a-z][a-z0-9]{0,11}$` and azurerm `^[a-z]{1}[a-z\d]{0,11}$` (1-12 characters). */
export const LINUX_POOL_NAME_PATTERN = /^[a-z][a-z0-9]{0,11}$/;
/** "Windows agent pool names must be 6 characters or less" (API `name`). */
export const WINDOWS_POOL_NAME_PATTERN = /^[a-z][a-z0-9]{0,5}$/;

/** Max pods per node: "Minimum 10 / Maximum 250", strictly enforced (concepts-network-ip-address-planning). */
export const MAX_PODS_RANGE: readonly [number, number] = [10, 250];
/** "System node pools must support at least 30 pods" (use-system-pools): max_pods x nodes >= 30. */
export const MIN_PODS_PER_POOL = 30;
/** "For Windows Server containers, the maximum recommended value is 110" (azure-cni-overlay). */
export const WINDOWS_RECOMMENDED_MAX_PODS = 110;
/** API `count`: "0 to 1000 (inclusive) for user pools and ... 1 to 1000 (inclusive) for system pools". */
export const NODE_COUNT_RANGE: Readonly<Record<'System' | 'User', readonly [number, number]>> = {
  System: [1, 1000],
  User: [0, 1000],
};

/**
 * Upgrade surge nodes: API `maxSurge` "If not specified, the default is 10% ... fractional nodes are
 * rounded up"; at least one node while there are nodes.
 * @param nodes the pool's node count
 * @param maxSurge `upgrade_settings.max_surge` as written (`"33%"` or `"3"`); undefined for the default
 * @returns the surge nodes, or undefined when `maxSurge` is not a count or a percentage
 */
export function surgeNodes(nodes: number, maxSurge?: string): number | undefined {
  if (nodes <= 0) return 0;
  const text = maxSurge?.trim() ?? '10%';
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (pct) return Math.max(1, Math.ceil((nodes * Number(pct[1])) / 100));
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * Windows admin user names the API rejects (API `ManagedClusterWindowsProfile.adminUsername`:
 * "Disallowed values: ..."), compared case-insensitively.
 */
export const RESERVED_WINDOWS_ADMIN_NAMES: readonly string[] = [
  'administrator',
  'admin',
  'user',
  'user1',
  'test',
  'user2',
  'test1',
  'user3',
  'admin1',
  '1',
  '123',
  'a',
  'actuser',
  'adm',
  'admin2',
  'aspnet',
  'backup',
  'console',
  'david',
  'guest',
  'john',
  'owner',
  'root',
  'server',
  'sql',
  'support',
  'support_388945a0',
  'sys',
  'test2',
  'test3',
  'user4',
  'user5',
];
/** Windows admin user names are at most 20 characters and do not end in "." (API `adminUsername`). */
export const WINDOWS_ADMIN_NAME_MAX = 20;
/**
 * Windows admin passwords: "Required length: [14, 123]" (the RP's error, microsoft/bedrock#1452; the
 * API spec's minimum of 8 is weaker than what the RP enforces).
 */
export const WINDOWS_PASSWORD_LENGTH: readonly [number, number] = [14, 123];

/**
 * The Windows `os_sku` AKS picks when it is omitted: Windows2022 below 1.36, Windows2025 from 1.36
 * ("Windows Server 2025 is the default operating system for Kubernetes version 1.36 and later",
 * quick-windows-container-deploy-cli; the AKS changelog of 2026-07-17 says 1.37). An unset version
 * is AKS's current default version, below 1.36.
 */
export function aksDefaultWindowsOsSku(version: { major: number; minor: number } | undefined): string {
  return version !== undefined && (version.major > 1 || version.minor >= 36) ? 'Windows2025' : 'Windows2022';
}
