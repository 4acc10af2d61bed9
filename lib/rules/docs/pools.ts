/**
 * Documentation of the node pool rules about names, subnets, modes, counts, max pods and versions.
 * The OS and Windows rules are in pools-os.ts. No cdktf imports.
 */
import type { RuleDoc } from './types';
import {
  AKS_API,
  AZURERM_CLUSTER,
  AZURERM_K8S_VALIDATE,
  AZURERM_NODEPOOL,
  AZURERM_POOL,
  issue,
  learn,
  src,
} from './sources';

const IP_PLANNING = learn('concepts-network-ip-address-planning');
const MAX_PODS_30 =
  'The minimum value that can be set for maximum pods per node is 10 if and only if the configuration of each node ' +
  'pool has space for a minimum of 30 pods. For example, setting the maximum pods per node to the minimum of 10 ' +
  'requires each individual node pool to have a minimum of three nodes.';

/** The node pool rules about names, subnets, modes, counts, max pods and versions. */
export const POOL_DOCS: readonly RuleDoc[] = [
  {
    id: 'pool/name',
    severity: 'error',
    summary:
      'pool names match `^[a-z][a-z0-9]{0,11}$` (1-12 characters) for Linux and have at most 6 characters ' +
      'for Windows',
    otherwise: 'plan / apply',
    sources: [
      src(
        'AKS API 2025-10-01, ManagedClusterAgentPoolProfile.name',
        AKS_API,
        '"pattern": "^[a-z][a-z0-9]{0,11}$" ... Windows agent pool names must be 6 characters or less.',
      ),
      src(
        'azurerm v4.55.0 validate/kubernetes.go, KubernetesAgentPoolName',
        AZURERM_K8S_VALIDATE,
        '^[a-z]{1}[a-z\\d]{0,11}$',
      ),
    ],
    file: 'lib/rules/pool/name.ts',
    example: {
      failing: '"azurerm_kubernetes_cluster_node_pool": { "win": { "name": "windows1", "os_type": "Windows", ... } }',
      fix: 'use a Windows pool name of at most 6 characters, e.g. name = "win1"',
    },
  },
  {
    id: 'pool/name-unique',
    severity: 'error',
    summary: 'pool names are unique within a cluster',
    otherwise: 'apply',
    sources: [
      src(
        'AKS API 2025-10-01, agent pool name',
        AKS_API,
        'Unique name of the agent pool profile in the context of the subscription and resource group.',
      ),
    ],
    file: 'lib/rules/pool/name.ts',
    example: {
      failing:
        '"default_node_pool": { "name": "system", ... }, "azurerm_kubernetes_cluster_node_pool": { "extra": ' +
        '{ "name": "system", ... } }',
      fix: 'rename the second pool, e.g. name = "user"',
    },
  },
  {
    id: 'pool/subnet-vnet',
    severity: 'error',
    summary:
      "every pool's subnet lies in the VNet of the default pool's subnet; a pool names a subnet only when " +
      'the default pool does (no mixing of the AKS-managed VNet with your own)',
    otherwise: 'apply',
    sources: [
      src(
        'Use a unique subnet per node pool',
        learn('node-pool-unique-subnet'),
        'All subnets assigned to node pools must belong to the same virtual network (VNet).',
      ),
      src(
        'MicrosoftDocs/azure-docs#116169 (RP error)',
        issue('MicrosoftDocs/azure-docs', 116169),
        'Cannot use a custom subnet because agent pool agentpool is using a managed subnet. Please omit the ' +
          'vnetSubnetID parameter',
      ),
    ],
    file: 'lib/rules/pool/subnet-vnet.ts',
    example: {
      failing:
        '"azurerm_kubernetes_cluster_node_pool": { "user": { "vnet_subnet_id": ' +
        '"${azurerm_subnet.other_vnet.id}", ' +
        '... } }',
      fix: "use a subnet of the default pool's VNet for this pool",
    },
  },
  {
    id: 'pool/system-linux',
    severity: 'error',
    summary: 'a `System` pool is Linux; the default pool is always Linux and System',
    otherwise: 'apply',
    sources: [src('AKS API 2025-10-01, AgentPoolMode.System', AKS_API, 'System agent pools osType must be Linux.')],
    file: 'lib/rules/pool/mode.ts',
    example: {
      failing: '"azurerm_kubernetes_cluster_node_pool": { "win": { "os_type": "Windows", "mode": "System", ... } }',
      fix: 'set mode = "User" on the Windows pool',
    },
  },
  {
    id: 'pool/system-node-count',
    severity: 'error',
    summary:
      'every System pool has at least one node: a `mode = "System"` pool resource with node_count or ' +
      'min_count 0 (or node_count omitted without autoscaling, which azurerm sends as 0), and a default pool with ' +
      'neither node_count nor autoscaling',
    otherwise: 'apply',
    sources: [
      src(
        'AKS API 2025-10-01, count',
        AKS_API,
        'Allowed values must be in the range of 0 to 1000 (inclusive) for user pools and in the range of 1 to 1000 ' +
          '(inclusive) for system pools.',
      ),
      src(
        'Azure/AKS#4298 (AKS maintainer)',
        issue('Azure/AKS', 4298),
        'We do not allow any system pools to have ' + '<1 node.',
      ),
      src(
        'azurerm v4.55.0 kubernetes_nodepool.go (an omitted node_count is sent as 0)',
        AZURERM_NODEPOOL,
        'count := raw["node_count"].(int) ... profile.Count = pointer.To(int64(count))',
      ),
      src('hashicorp/terraform-provider-azurerm#11056', issue('hashicorp/terraform-provider-azurerm', 11056)),
    ],
    file: 'lib/rules/pool/mode.ts',
    example: {
      failing: '"azurerm_kubernetes_cluster_node_pool": { "sys2": { "mode": "System", "node_count": 0, ... } }',
      fix: 'give the System pool at least one node (node_count = 1, or min_count = 1 with autoscaling)',
    },
  },
  {
    id: 'pool/spot-system',
    severity: 'error',
    summary: 'a Spot pool (`priority = "Spot"`) is a User pool',
    otherwise: 'apply',
    sources: [src('Manage system node pools', learn('use-system-pools'), 'Spot node pools require user node pools.')],
    file: 'lib/rules/pool/mode.ts',
    example: {
      failing: '"azurerm_kubernetes_cluster_node_pool": { "spot": { "priority": "Spot", "mode": "System", ... } }',
      fix: 'set mode = "User" on the Spot pool (the default)',
    },
  },
  {
    id: 'pool/counts',
    severity: 'error',
    summary:
      'node_count, min_count and max_count are 1-1000 (default pool) or 0-1000 (pool resource); with ' +
      'autoscaling min <= node_count <= max and both set; without autoscaling neither is set (0 counts as unset)',
    otherwise: 'plan / apply',
    sources: [
      src(
        'azurerm v4.55.0 kubernetes_nodepool.go, default pool schema',
        AZURERM_NODEPOOL,
        '"node_count": { ... ValidateFunc: validation.IntBetween(1, 1000) }',
      ),
      src(
        'azurerm v4.55.0 kubernetes_cluster_node_pool_resource.go',
        AZURERM_POOL,
        '`max_count`(%d) and `min_count`(%d) must be set to `null` when `auto_scaling_enabled` is set to `false` ' +
          '... else if minCount > 0 || maxCount > 0',
      ),
      src(
        'azurerm v4.55.0 kubernetes_cluster_node_pool_resource.go',
        AZURERM_POOL,
        '`max_count` must be configured when `auto_scaling_enabled` is set to `true`',
      ),
    ],
    file: 'lib/rules/pool/counts.ts',
    example: {
      failing:
        '"azurerm_kubernetes_cluster_node_pool": { "user": { "node_count": 2, "min_count": 1, "max_count": 3, ' +
        '... } }',
      fix: 'set auto_scaling_enabled = true, or remove min_count and max_count',
    },
  },
  {
    id: 'pool/max-pods',
    severity: 'error',
    summary:
      '`max_pods` is 10-250; a System pool has room for at least 30 pods (max_pods x nodes, nodes being ' +
      'node_count, or min_count with autoscaling)',
    otherwise: 'plan / apply',
    sources: [
      src('IP address planning, maximum pods per node', IP_PLANNING, MAX_PODS_30),
      src(
        'Azure/AKS#1422: creating a cluster with --node-count 1 --max-pods 10 fails',
        issue('Azure/AKS', 1422),
        'The minimum value in the table above is strictly enforced by the AKS service.',
      ),
      src(
        'Manage system node pools',
        learn('use-system-pools'),
        'System node pools must support at least 30 pods as described by the minimum and maximum value formula',
      ),
    ],
    file: 'lib/rules/pool/max-pods.ts',
    example: {
      failing: '"default_node_pool": { "name": "system", "node_count": 1, "max_pods": 20, ... }',
      fix: 'give the System pool room for 30 pods: max_pods = 30, or node_count = 2',
    },
  },
  {
    id: 'pool/max-pods-windows',
    severity: 'warning',
    summary: '`max_pods` above 110 on a Windows pool: more than Microsoft recommends',
    otherwise: '-',
    sources: [
      src(
        'Azure CNI Overlay concepts',
        learn('concepts-network-azure-cni-overlay'),
        'For Windows Server containers, the maximum recommended value is 110',
      ),
    ],
    file: 'lib/rules/pool/max-pods.ts',
    example: {
      failing: '"azurerm_kubernetes_cluster_node_pool": { "win": { "os_type": "Windows", "max_pods": 250, ... } }',
      fix: 'set max_pods to 110 or less on Windows pools',
    },
  },
  {
    id: 'pool/max-pods-total',
    severity: 'warning',
    summary:
      'a User pool with nodes has room for fewer than 30 pods (max_pods x nodes): the documented minimum, ' +
      'not shown to be enforced for User pools',
    otherwise: '-',
    sources: [src('IP address planning, maximum pods per node', IP_PLANNING, MAX_PODS_30)],
    file: 'lib/rules/pool/max-pods.ts',
    example: {
      failing: '"azurerm_kubernetes_cluster_node_pool": { "user": { "node_count": 2, "max_pods": 10, ... } }',
      fix: 'use node_count = 3 or max_pods = 15 (30 pods in the pool)',
    },
  },
  {
    id: 'pool/orchestrator-version-skew',
    severity: 'error',
    summary:
      "a pool's `orchestrator_version` has the control plane's major version, is not newer than it, and " +
      'is at ' +
      "most two minor versions behind; the default pool's version equals `kubernetes_version`",
    otherwise: 'apply',
    sources: [
      src(
        'AKS API 2025-10-01, orchestratorVersion',
        AKS_API,
        'The node pool version must have the same major version as the control plane. The node pool minor version ' +
          'must be within two minor versions of the control plane version. The node pool version cannot be greater ' +
          'than the control plane version.',
      ),
      src(
        'azurerm v4.55.0 kubernetes_cluster_resource.go, create',
        AZURERM_CLUSTER,
        'version mismatch between the control plane running %s and default node pool running %s, they must use ' +
          'the same kubernetes versions',
      ),
    ],
    file: 'lib/rules/pool/version-skew.ts',
    example: {
      failing:
        '"kubernetes_version": "1.33", "azurerm_kubernetes_cluster_node_pool": { "user": { ' +
        '"orchestrator_version": "1.34", ... } }',
      fix: 'use an orchestrator_version from 1.31 to 1.33, or upgrade the control plane first',
    },
  },
];
