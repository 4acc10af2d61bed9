/**
 * Documentation of the node pool rules about the OS: Windows pools and os_sku against the
 * Kubernetes version. No cdktf imports.
 */
import type { RuleDoc } from './types';
import { AKS_API, AZURERM_POOL, aksInclude, aksRelease, issue, learn, src } from './sources';

const UPGRADE_OS = learn('upgrade-os-version');
const WS2019_RELEASE = src(
  'AKS release notes 2026-05-29',
  aksRelease('2026-05-29'),
  'Windows Server 2019 retired on March 1, 2026 ... All existing node pools with Windows Server 2019 are ' +
    'unsupported. You will not be able to create new node pools in k8s 1.33+.',
);
const DEFAULT_VERSION = src(
  'AKS release notes 2026-10-25 (the default version when kubernetes_version is unset)',
  aksRelease('2026-10-25'),
  'Kubernetes 1.36 is now the default version for new clusters.',
);

/** The node pool rules about the OS and Windows. */
export const POOL_OS_DOCS: readonly RuleDoc[] = [
  {
    id: 'pool/windows-needs-azure-cni',
    severity: 'error',
    summary: 'Windows pools need `network_plugin = azure` (overlay or node subnet)',
    otherwise: 'apply',
    sources: [
      src(
        'Azure/AKS#2839 (RP error)',
        issue('Azure/AKS', 2839),
        '(AzureCNIOnlyForWindows) Windows agent pools can only be added to AKS clusters using Azure-CNI.',
      ),
    ],
    file: 'lib/rules/pool/windows.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "kubenet" }, "azurerm_kubernetes_cluster_node_pool": { "win": ' +
        '{ "os_type": "Windows", ... } }',
      fix: 'set network_plugin = "azure" with network_plugin_mode = "overlay"',
    },
  },
  {
    id: 'pool/windows-cilium',
    severity: 'error',
    summary: 'no Windows pool in a cluster with `network_data_plane = cilium`',
    otherwise: 'apply',
    sources: [
      src(
        'Azure CNI Powered by Cilium, Limitations',
        learn('azure-cni-powered-by-cilium'),
        'Available only for Linux and not for Windows.',
      ),
    ],
    file: 'lib/rules/pool/windows.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"network_data_plane": "cilium" }, "azurerm_kubernetes_cluster_node_pool": { "win": { "os_type": "Windows" } }',
      fix: 'run Windows workloads in a cluster with the Azure data plane (network_data_plane = "azure")',
    },
  },
  {
    id: 'pool/windows-azure-npm',
    severity: 'warning',
    summary:
      'a Windows pool in a cluster with `network_policy = azure`: Azure NPM on Windows is retired ' +
      '(30 Sep 2026) and subscriptions that never used it can no longer onboard (the plan cannot show whether the ' +
      'subscription is onboarded, so this is not an error)',
    otherwise: '-',
    sources: [
      src(
        'AKS docs include, Azure NPM on Windows retirement',
        aksInclude('azure-network-policy-manager-windows-retirement'),
        'Starting on September 30, 2026, Azure Kubernetes Service (AKS) no longer supports Azure Network Policy ' +
          'Manager (NPM) on Windows nodes. This change applies only to customers already onboarded to NPM. ' +
          "Subscriptions that aren't registered with this feature will no longer be able to onboard.",
      ),
    ],
    file: 'lib/rules/pool/windows.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_policy": "azure" }, ' +
        '"azurerm_kubernetes_cluster_node_pool": { "win": { "os_type": "Windows", ... } }',
      fix: 'drop network_policy = "azure" for Windows clusters; use NSGs or Calico instead',
    },
  },
  {
    id: 'pool/windows-profile',
    severity: 'error',
    summary:
      'a `windows_profile` has `admin_username` and `admin_password` (both required by azurerm 4.55); a ' +
      'literal Windows admin password has 14-123 characters and 3 of 4 character classes; the admin ' +
      'username has at most 20 characters, does not end in `.` and is not a reserved name; a cluster with Windows ' +
      'pools has a `windows_profile` where AKS would not generate one (basic load balancer or AvailabilitySet ' +
      'default pool)',
    otherwise: 'apply',
    sources: [
      src(
        'microsoft/bedrock#1452 (RP error)',
        issue('microsoft/bedrock', 1452),
        'Invalid adminPassword ... Required length: [14, 123]. Minimum password length required by AKS for ' +
          'AzSecPack is longer',
      ),
      src(
        'AKS API 2025-10-01, ManagedClusterWindowsProfile',
        AKS_API,
        'adminUsername ... Max-length: 20 characters ... Restriction: Cannot end in "." ... Disallowed values: ' +
          '"administrator", "admin", "user", ...; adminPassword ... Complexity requirements: 3 out of 4 conditions ' +
          'below need to be fulfilled',
      ),
      src(
        '@cdktf/provider-azurerm 14.23.1 (the azurerm 4.55.0 schema), lib/kubernetes-cluster/index.d.ts, ' +
          'KubernetesClusterWindowsProfile (no `?`: both required)',
        'https://www.npmjs.com/package/@cdktf/provider-azurerm/v/14.23.1',
        'readonly adminPassword: string; readonly adminUsername: string;',
      ),
      src(
        'Azure/AKS#1545 (AKS maintainer: when AKS generates the profile)',
        issue('Azure/AKS', 1545),
        'All AKS clusters created after May, 2020 should have WindowsProfile by default if network-plugin is set to ' +
          'azure, load-balancer-sku is set to standard and vm-set-type is set to VirtualMachineScaleSets',
      ),
    ],
    file: 'lib/rules/pool/windows-profile.ts',
    example: {
      failing: '"windows_profile": { "admin_username": "azureuser", "admin_password": "short" }',
      fix:
        'pass admin_password from a sensitive variable of 14-123 characters, or omit windows_profile and let AKS ' +
        'generate it',
    },
  },
  {
    id: 'pool/windows-password-literal',
    severity: 'warning',
    summary:
      '`windows_profile.admin_password` is a literal in the document: the secret is stored in plain text ' +
      '(the value is never shown)',
    otherwise: '-',
    sources: [
      src(
        'Terraform: sensitive data in state',
        'https://developer.hashicorp.com/terraform/language/state/sensitive-data',
      ),
    ],
    file: 'lib/rules/pool/windows-profile.ts',
    example: {
      failing: '"windows_profile": { "admin_username": "azureuser", "admin_password": "<22 literal characters>" }',
      fix: 'pass admin_password from a sensitive variable, or omit windows_profile (AKS generates one)',
    },
  },
  {
    id: 'pool/os-sku',
    severity: 'error',
    summary:
      "`os_type` is `Linux` or `Windows`, and `os_sku` is one azurerm 4.55 accepts and fits the pool's " +
      '`os_type`: Linux `Ubuntu`, `Ubuntu2204`, `AzureLinux`, `AzureLinux3`; Windows `Windows2019`, `Windows2022` ' +
      '(a document that pins azurerm 3.x may also use `CBLMariner` and `Mariner`, which 4.0 removed)',
    otherwise: 'plan',
    sources: [
      src(
        'azurerm v4.55.0 kubernetes_cluster_node_pool_resource.go, os_sku',
        AZURERM_POOL,
        'ValidateFunc: validation.StringInSlice([]string{ ... AzureLinux, AzureLinux3, Ubuntu, Ubuntu2204, ' +
          'Windows2019, Windows2022 }, false)',
      ),
    ],
    file: 'lib/rules/pool/os-sku.ts',
    example: {
      failing: '"azurerm_kubernetes_cluster_node_pool": { "user": { "os_sku": "Mariner", ... } }',
      fix: 'use os_sku = "AzureLinux" (Azure Linux 3.0 on Kubernetes 1.32 and later) or "Ubuntu"',
    },
  },
  {
    id: 'pool/os-sku-k8s-version',
    severity: 'error',
    summary:
      "an `os_sku` runs on the pool's Kubernetes version: Ubuntu2204 1.25-1.36, Ubuntu2404 1.32-1.38, " +
      'AzureLinux3 1.28-1.36, Windows2022 up to 1.36, Windows2025 from 1.32 (judged when the version is set)',
    otherwise: 'apply',
    sources: [
      src('Upgrade the OS version of node pools (supported versions per OS SKU)', UPGRADE_OS),
      src(
        'AKS release notes 2026-06-19',
        aksRelease('2026-06-19'),
        'Windows Server 2022 is not supported in Kubernetes version 1.37 and above.',
      ),
    ],
    file: 'lib/rules/pool/os-sku.ts',
    example: {
      failing:
        '"kubernetes_version": "1.37", "azurerm_kubernetes_cluster_node_pool": { "user": { "os_sku": ' +
        '"AzureLinux3", ... } }',
      fix: 'use os_sku = "AzureLinux" (3.0 from Kubernetes 1.32), or a Kubernetes version the SKU supports',
    },
  },
  {
    id: 'pool/azure-linux-2-retired',
    severity: 'error',
    summary:
      '`os_sku = AzureLinux` on Kubernetes below 1.32 is Azure Linux 2.0: out of support since 30 Nov 2025, ' +
      'no node images since 31 Mar 2026 (a numeric version is read as Terraform converts it)',
    otherwise: 'apply',
    sources: [
      src(
        'AKS docs include, Azure Linux 2.0 retirement',
        aksInclude('azure-linux-retirement'),
        'Starting on November 30, 2025, AKS no longer supports ... Azure Linux 2.0 ... Beginning on March 31, 2026, ' +
          'node images will be removed',
      ),
      src(
        'Upgrade the OS version of node pools',
        UPGRADE_OS,
        'Azure Linux 2.0 is default for Kubernetes version 1.27 to 1.31. Azure Linux 3.0 is default for Kubernetes ' +
          'version 1.32+.',
      ),
    ],
    file: 'lib/rules/pool/os-sku.ts',
    example: {
      failing: '"kubernetes_version": 1.29, "default_node_pool": { "name": "system", "os_sku": "AzureLinux", ... }',
      fix: 'set os_sku = "AzureLinux3", or use Kubernetes 1.32 or later',
    },
  },
  {
    id: 'pool/windows-2019-retired',
    severity: 'error',
    summary:
      '`os_sku = Windows2019` on Kubernetes 1.33 or later, or with no version set (the default is newer): ' +
      'new Windows Server 2019 pools cannot be created there',
    otherwise: 'apply',
    sources: [WS2019_RELEASE, DEFAULT_VERSION],
    file: 'lib/rules/pool/os-sku.ts',
    example: {
      failing:
        '"azurerm_kubernetes_cluster_node_pool": { "win": { "os_type": "Windows", "os_sku": "Windows2019", ' +
        '... } }',
      fix: 'use os_sku = "Windows2022"',
    },
  },
  {
    id: 'pool/windows-2019-unsupported',
    severity: 'warning',
    summary:
      '`os_sku = Windows2019` on Kubernetes below 1.33: still creatable, but retired (1 Mar 2026) and ' +
      'unsupported; its node images go on 1 Apr 2027',
    otherwise: '-',
    sources: [WS2019_RELEASE],
    file: 'lib/rules/pool/os-sku.ts',
    example: {
      failing:
        '"kubernetes_version": "1.32", "azurerm_kubernetes_cluster_node_pool": { "win": { "os_type": ' +
        '"Windows", "os_sku": "Windows2019", ... } }',
      fix: 'use os_sku = "Windows2022" before the node images are removed',
    },
  },
];
