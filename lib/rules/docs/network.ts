/**
 * Documentation of the network-profile rules about plugins, policies, load balancers and VM
 * sizes. The range rules are in network-ranges.ts, the VNet and subnet rules in network-space.ts,
 * dual-stack and egress in network-dual-stack.ts. No cdktf imports.
 */
import type { RuleDoc } from './types';
import {
  AKS_API,
  AKS_CHANGELOG,
  AZURERM_CLUSTER,
  AZURERM_CLUSTER_DOCS,
  AZURERM_CLUSTER_VALIDATE,
  aksInclude,
  learn,
  src,
} from './sources';

/** The network-profile rules about plugins, policies, load balancers and VM sizes. */
export const NETWORK_DOCS: readonly RuleDoc[] = [
  {
    id: 'network/invalid-value',
    severity: 'error',
    summary:
      'network_plugin, network_plugin_mode, network_policy, network_data_plane, outbound_type and ' +
      'load_balancer_sku hold one of the values the provider allows, spelled exactly (case-sensitive)',
    otherwise: 'plan',
    sources: [
      src(
        'azurerm v4.55.0 kubernetes_cluster_resource.go, network_profile schema',
        AZURERM_CLUSTER,
        '"network_plugin": { ... ValidateFunc: validation.StringInSlice([]string{ ' +
          'string(managedclusters.NetworkPluginAzure), ' +
          'string(managedclusters.NetworkPluginKubenet), string(managedclusters.NetworkPluginNone), }, false) }',
      ),
    ],
    file: 'lib/rules/network/plugin.ts',
    example: {
      failing: '"network_profile": { "network_plugin": "kubernet" }',
      fix: 'use one of the allowed values: network_plugin = "azure", "kubenet" or "none"',
    },
  },
  {
    id: 'network/overlay-requires-azure',
    severity: 'error',
    summary: '`network_plugin_mode = overlay` needs `network_plugin = azure`',
    otherwise: 'apply',
    sources: [
      src(
        'azurerm v4.55.0 docs, kubernetes_cluster',
        AZURERM_CLUSTER_DOCS,
        'When `network_plugin_mode` is set to `overlay`, the `network_plugin` field can only be set to `azure`.',
      ),
      src('AKS API 2025-10-01, NetworkPluginMode', AKS_API, 'overlay: Used with networkPlugin=azure'),
    ],
    file: 'lib/rules/network/plugin.ts',
    example: {
      failing: '"network_profile": { "network_plugin": "kubenet", "network_plugin_mode": "overlay" }',
      fix: 'set network_plugin = "azure" for Azure CNI Overlay, or remove network_plugin_mode',
    },
  },
  {
    id: 'network/pod-cidr-without-overlay',
    severity: 'error',
    summary:
      'a pod range with `network_plugin = azure` in node-subnet mode (no overlay) is rejected: pods take ' +
      'subnet ' +
      'addresses there (`pod_cidrs` is not judged when a pool has `pod_subnet_id`)',
    otherwise: 'apply',
    sources: [
      src(
        'azurerm v4.55.0 kubernetes_cluster_validate.go',
        AZURERM_CLUSTER_VALIDATE,
        '`pod_cidr` and `azure` cannot be set together unless specifying `network_plugin_mode` to `overlay`',
      ),
    ],
    file: 'lib/rules/network/plugin.ts',
    example: {
      failing: '"network_profile": { "network_plugin": "azure", "pod_cidr": "10.244.0.0/16" }',
      fix: 'set network_plugin_mode = "overlay" to give pods the range, or remove pod_cidr',
    },
  },
  {
    id: 'network/policy-azure-plugin',
    severity: 'error',
    summary: '`network_policy = azure` (Azure Network Policy Manager) needs `network_plugin = azure`',
    otherwise: 'apply',
    sources: [
      src(
        'azurerm v4.55.0 docs, kubernetes_cluster',
        AZURERM_CLUSTER_DOCS,
        'When `network_policy` is set to `azure`, the `network_plugin` field can only be set to `azure`.',
      ),
      src(
        'Secure traffic between pods by using network policies (Azure NPM: supported networking option Azure CNI)',
        learn('use-network-policies'),
      ),
    ],
    file: 'lib/rules/network/plugin.ts',
    example: {
      failing: '"network_profile": { "network_plugin": "kubenet", "network_policy": "azure" }',
      fix: 'use network_policy = "calico" with kubenet, or move to network_plugin = "azure" (overlay)',
    },
  },
  {
    id: 'network/cilium-plugin',
    severity: 'error',
    summary: '`network_data_plane = cilium` needs `network_plugin = azure` (overlay, pod subnet or node subnet)',
    otherwise: 'apply',
    sources: [
      src(
        'azurerm v4.55.0 docs, kubernetes_cluster',
        AZURERM_CLUSTER_DOCS,
        'When `network_data_plane` is set to `cilium`, the `network_plugin` field can only be set to `azure`.',
      ),
      src(
        'Azure CNI Powered by Cilium',
        learn('azure-cni-powered-by-cilium'),
        'Option 3: Assign IP addresses from the Node Subnet',
      ),
    ],
    file: 'lib/rules/network/cilium.ts',
    example: {
      failing: '"network_profile": { "network_plugin": "kubenet", "network_data_plane": "cilium" }',
      fix: 'set network_plugin = "azure" and network_plugin_mode = "overlay"',
    },
  },
  {
    id: 'network/cilium-policy',
    severity: 'error',
    summary:
      '`network_policy = cilium` needs `network_data_plane = cilium` (azurerm 3.x: `ebpf_data_plane`); the ' +
      'Cilium data plane takes no `azure` or `calico` policy (leaving network_policy empty is fine)',
    otherwise: 'apply',
    sources: [
      src('AKS API 2025-10-01, NetworkPolicy', AKS_API, "cilium: ... This requires networkDataplane to be 'cilium'."),
      src(
        'azurerm v3.75.0 kubernetes_cluster_resource.go (3.x name of the data plane; removed in 4.0)',
        'https://github.com/hashicorp/terraform-provider-azurerm/blob/v3.75.0/internal/services/containers/' +
          'kubernetes_cluster_resource.go',
        'existing.Model.Properties.NetworkProfile.NetworkDataplane = ' +
          'pointer.To(managedclusters.NetworkDataplane(ebpfDataPlane))',
      ),
      src(
        'Azure/AKS-Construction#535 (RP error)',
        'https://github.com/Azure/AKS-Construction/issues/535',
        'CiliumDataplaneRequiresNetworkPolicyCilium: Cilium dataplane requires network policy cilium.',
      ),
    ],
    file: 'lib/rules/network/cilium.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"network_policy": "cilium" }',
      fix: 'add network_data_plane = "cilium", or use network_policy = "azure" or "calico" without Cilium',
    },
  },
  {
    id: 'network/acns-security-cilium',
    severity: 'error',
    summary:
      '`advanced_networking.security_enabled = true` (Advanced Container Networking Services security: FQDN ' +
      'and L7 policies) needs the Cilium data plane (`network_data_plane = cilium` with `network_plugin = azure`)',
    otherwise: 'plan',
    sources: [
      src(
        'AKS API, AdvancedNetworkingSecurity.enabled (@azure/arm-containerservice)',
        'https://learn.microsoft.com/javascript/api/@azure/arm-containerservice/advancednetworkingsecurity',
        'This feature allows user to configure network policy based on DNS (FQDN) names. It can be enabled only ' +
          'on cilium based clusters.',
      ),
      src(
        'azurerm acceptance test TestAccKubernetesCluster_advancedNetworkingNetworkDataplane (ExpectError, commit 69697b7)',
        'https://github.com/hashicorp/terraform-provider-azurerm/blob/69697b7fe6a923fc89e88f386bc95c3ed1ee2ec6/' +
          'internal/services/containers/kubernetes_cluster_network_resource_test.go',
        'when `network_profile.0.advanced_networking` has `security_enabled` set to `true`, ' +
          '`network_profile.0.network_data_plane` must be set to `cilium`',
      ),
    ],
    file: 'lib/rules/network/cilium.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_data_plane": "azure", ' +
        '"advanced_networking": { "observability_enabled": true, "security_enabled": true } }',
      fix: 'set network_data_plane = "cilium", or security_enabled = false (observability works on either data plane)',
    },
  },
  {
    id: 'network/lb-sku-basic',
    severity: 'error',
    summary: '`load_balancer_sku = basic`: AKS blocks new clusters on the Basic load balancer',
    otherwise: 'apply',
    sources: [
      src(
        'AKS changelog, 2024-10-25',
        AKS_CHANGELOG,
        'AKS will start to block new cluster creation with basic load balancer in January 2025',
      ),
      src(
        'AKS docs include, Basic Load Balancer retirement',
        aksInclude('basic-load-balancer-retirement'),
        'Starting on September 30, 2025, Azure Kubernetes Service (AKS) no longer supports Basic Load Balancer.',
      ),
      src(
        'Create node pools',
        learn('create-node-pools'),
        'must use the Standard SKU load balancer to use multiple node pools',
      ),
    ],
    file: 'lib/rules/network/load-balancer.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"load_balancer_sku": "basic" }',
      fix: 'set load_balancer_sku = "standard" (the default), or remove it',
    },
  },
  {
    id: 'network/lb-profile-sku',
    severity: 'error',
    summary: 'a `load_balancer_profile` needs the `standard` SKU; `managed_outbound_ipv6_count` needs dual-stack',
    otherwise: 'apply',
    sources: [
      src(
        'azurerm v4.55.0 kubernetes_cluster_resource.go, expandKubernetesClusterNetworkProfile',
        AZURERM_CLUSTER,
        "only load balancer SKU 'Standard' supports load balancer profiles",
      ),
      src(
        'azurerm v4.55.0 docs, kubernetes_cluster',
        AZURERM_CLUSTER_DOCS,
        '`managed_outbound_ipv6_count` requires dual-stack networking.',
      ),
    ],
    file: 'lib/rules/network/load-balancer.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay", ' +
        '"load_balancer_profile": { "managed_outbound_ipv6_count": 1 } }',
      fix: 'set ip_versions = ["IPv4", "IPv6"], or remove managed_outbound_ipv6_count',
    },
  },
  {
    id: 'network/overlay-vm-size',
    severity: 'error',
    summary: 'Azure CNI Overlay does not support DCsv2-series VM sizes (`Standard_DC<n>s_v2`, `Standard_DC8_v2`)',
    otherwise: 'apply',
    sources: [
      src(
        'Azure CNI Overlay, Limitations',
        learn('azure-cni-overlay'),
        "You can't use DCsv2-series virtual machines in node pools. ... consider using DCasv5 or DCadsv5-series " +
          'confidential VMs instead.',
      ),
    ],
    file: 'lib/rules/network/vm-size.ts',
    example: {
      failing: '"default_node_pool": { "name": "system", "vm_size": "Standard_DC2s_v2", "node_count": 3 }',
      fix: 'use a DCasv5 or DCadsv5 confidential size (e.g. Standard_DC2as_v5), or another series',
    },
  },
  {
    id: 'network/kubenet-retiring',
    severity: 'warning',
    summary: '`kubenet` is retiring (31 March 2028); Azure CNI Overlay is the replacement',
    otherwise: '-',
    sources: [
      src(
        'AKS docs include, kubenet retirement',
        aksInclude('kubenet-retirement'),
        'Starting on March 31, 2028, AKS no longer supports kubenet networking.',
      ),
    ],
    file: 'lib/rules/network/plugin.ts',
    example: {
      failing: '"network_profile": { "network_plugin": "kubenet" }',
      fix: 'move to network_plugin = "azure" with network_plugin_mode = "overlay" (the pod range can stay)',
    },
  },
];
