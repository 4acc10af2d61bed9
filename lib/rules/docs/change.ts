/**
 * The documentation of the `change/*` rules (lib/rules/change): what a change does to AKS
 * clusters and node pools, from a plan's `resource_changes` or predicted by `diff`.
 * No cdktf imports.
 */
import { AZURE_SOURCES } from '../change/tables';
import type { RuleDoc, RuleSource } from './types';

const V481 = 'https://github.com/hashicorp/terraform-provider-azurerm/blob/5782a75422c68a0d0804ac16d97dcaf3df5ee2fa';
const V455 = 'https://github.com/hashicorp/terraform-provider-azurerm/blob/37bf7f03b661b804a59fd62fd6f6e6b8ee4a69df';
const KCR = 'internal/services/containers/kubernetes_cluster_resource.go';
const NPR = 'internal/services/containers/kubernetes_cluster_node_pool_resource.go';

const PLAN_FORMAT: RuleSource = {
  title: 'Terraform JSON output format, "Change Representation" (replace_paths, actions)',
  url: AZURE_SOURCES.planFormat,
  quote:
    'replace_paths is an array of arrays representing a set of paths into the object value which ' +
    'resulted in the action being "replace"',
};

const CYCLE: RuleSource = {
  title: 'azurerm v4.81.0 kubernetes_cluster_resource.go: default node pool properties updated by cycling the pool',
  url: `${V481}/${KCR}#L2747-L2840`,
  quote: '`temporary_name_for_rotation` must be specified when updating any of the following properties',
};

const CYCLE_DOC: RuleSource = {
  title: 'azurerm v4.81.0 docs, kubernetes_cluster: temporary_name_for_rotation',
  url: `${V481}/website/docs/r/kubernetes_cluster.html.markdown#L376`,
  quote:
    "When cycling the system node pool, it doesn't perform cordon and drain, and it will disrupt rescheduling pods",
};

const UPGRADE_CNI: RuleSource = {
  title: 'AKS docs, "Upgrade Azure CNI" (to Azure CNI Overlay)',
  url: AZURE_SOURCES.upgradeAzureCni,
  quote: 'The upgrade process triggers each node pool to be reimaged simultaneously',
};

const FILE = 'lib/rules/change/findings.ts';

/** The RuleDoc entries of the `change/*` rules. */
export const CHANGE_RULE_DOCS: RuleDoc[] = [
  {
    id: 'change/cluster-replaced',
    severity: 'error',
    summary:
      'an azurerm_kubernetes_cluster will be destroyed and recreated (a ForceNew attribute ' +
      'changes: service or pod range, DNS service IP, ip_versions, network plugin, default pool ' +
      'name, ...)',
    otherwise: 'apply',
    sources: [
      PLAN_FORMAT,
      {
        title: 'azurerm v4.81.0 kubernetes_cluster_resource.go: service_cidr is ForceNew',
        url: `${V481}/${KCR}#L1211-L1216`,
      },
      {
        title:
          'azurerm v4.55.0 kubernetes_cluster_resource.go: network_plugin is ForceNew (kubenet to ' +
          'overlay replaces the cluster)',
        url: `${V455}/${KCR}#L1058-L1061`,
      },
      {
        title:
          'azurerm v4.81.0 kubernetes_cluster_resource.go: network_plugin kubenet to azure in ' +
          'place with overlay (added in v4.66.0)',
        url: `${V481}/${KCR}#L136-L152`,
      },
    ],
    file: FILE,
    example: {
      failing: '"network_profile": {"service_cidr": "10.0.0.0/16"} -> {"service_cidr": "10.5.0.0/16"}',
      fix: 'keep the service CIDR; for a new range, create a new cluster and move the workloads',
    },
  },
  {
    id: 'change/pool-replaced',
    severity: 'warning',
    summary:
      'an azurerm_kubernetes_cluster_node_pool will be destroyed and recreated (name, os_type, ' +
      'priority, a non-Ubuntu/AzureLinux os_sku change, ...)',
    otherwise: '-',
    sources: [
      PLAN_FORMAT,
      {
        title:
          'azurerm v4.81.0 kubernetes_cluster_node_pool_resource.go: name, kubernetes_cluster_id ' +
          'and os_type are ForceNew',
        url: `${V481}/${NPR}#L168-L181`,
      },
    ],
    file: FILE,
    example: {
      failing:
        'resource_changes: [{ "type": "azurerm_kubernetes_cluster_node_pool", "change": { "actions": ["delete", "create"], "replace_paths": [["vm_size"]] } }]',
      fix: 'keep the attribute, or add a new pool beside the old one, move the workloads, then delete the old pool',
    },
  },
  {
    id: 'change/pool-cycled',
    severity: 'warning',
    summary:
      'a node pool update that azurerm applies by cycling the pool (vm_size, vnet_subnet_id, ' +
      'max_pods, zones, os disk, ...): a temporary pool, then the pool deleted and recreated ' +
      'without cordon and drain, although the plan says "update"',
    otherwise: '-',
    sources: [
      CYCLE,
      CYCLE_DOC,
      {
        title: 'azurerm v4.81.0 kubernetes_cluster_node_pool_resource.go: node pool cycling',
        url: `${V481}/${NPR}#L1009-L1048`,
      },
    ],
    file: FILE,
    example: {
      failing:
        'resource_changes: [{ "type": "azurerm_kubernetes_cluster", "change": { "actions": ["update"], "before": { "default_node_pool": [{ "vm_size": "Standard_D2s_v5" }] }, "after": { "default_node_pool": [{ "vm_size": "Standard_D4s_v5" }] } } }]',
      fix: "plan the change for a maintenance window: the pool's nodes are replaced through a temporary pool",
    },
  },
  {
    id: 'change/rotation-name-missing',
    severity: 'error',
    summary:
      'a node pool update that azurerm applies by cycling the pool, without ' +
      'temporary_name_for_rotation: the provider rejects it at apply',
    otherwise: 'apply',
    sources: [
      CYCLE,
      {
        title: 'azurerm v4.81.0 kubernetes_cluster_node_pool_resource.go: the same check for node pool resources',
        url: `${V481}/${NPR}#L1009-L1048`,
      },
    ],
    file: FILE,
    example: {
      failing:
        '"default_node_pool": {"vm_size": "Standard_D2s_v5"} -> {"vm_size": "Standard_D4s_v5"} (no ' +
        'temporary_name_for_rotation)',
      fix: 'set default_node_pool.temporary_name_for_rotation = "systemtmp"',
    },
  },
  {
    id: 'change/network-migration',
    severity: 'warning',
    summary:
      'an in-place move to Azure CNI Overlay (from kubenet or node-subnet mode) or to the Cilium ' +
      'data plane: irreversible, every node pool reimaged at once',
    otherwise: '-',
    sources: [
      UPGRADE_CNI,
      {
        title: 'azurerm #30959 (v4.66.0): Overlay upgrade path in place',
        url: AZURE_SOURCES.overlayInPlacePr,
      },
    ],
    file: FILE,
    example: {
      failing:
        'before: "network_plugin": "kubenet"; after: "network_plugin": "azure", "network_plugin_mode": "overlay"',
      fix: 'migrate in a maintenance window: the move to Azure CNI Overlay cannot be undone and reimages every pool',
    },
  },
  {
    id: 'change/egress-changed',
    severity: 'warning',
    summary:
      'network_profile.outbound_type changes: outbound connectivity is disrupted and the egress IP address changes',
    otherwise: '-',
    sources: [
      {
        title: 'AKS docs, "Customize cluster egress with outbound types": updating the outbound type',
        url: AZURE_SOURCES.egressOutboundType,
        quote: "is disruptive to network connectivity and will result in a change of the cluster's egress IP address",
      },
    ],
    file: FILE,
    example: {
      failing: 'before: "outbound_type": "loadBalancer"; after: "outbound_type": "userAssignedNATGateway"',
      fix: 'plan the egress change for a maintenance window: outbound connections are interrupted',
    },
  },
  {
    id: 'change/cluster-deleted',
    severity: 'warning',
    summary:
      'an azurerm_kubernetes_cluster will be deleted (no longer in the configuration, or its ' +
      'module, count index or for_each key is gone)',
    otherwise: '-',
    sources: [
      {
        ...PLAN_FORMAT,
        quote:
          'action_reason delete_because_no_resource_config, delete_because_count_index, ' +
          'delete_because_each_key, delete_because_no_module',
      },
    ],
    file: FILE,
    example: {
      failing: 'resource_changes: [{ "type": "azurerm_kubernetes_cluster", "change": { "actions": ["delete"] } }]',
      fix: 'make sure the cluster is meant to go; a moved block keeps a renamed resource',
    },
  },
  {
    id: 'change/pool-deleted',
    severity: 'warning',
    summary: 'an azurerm_kubernetes_cluster_node_pool will be deleted; its workloads must fit on the remaining pools',
    otherwise: '-',
    sources: [{ ...PLAN_FORMAT, quote: 'action_reason delete_because_no_resource_config' }],
    file: FILE,
    example: {
      failing:
        'resource_changes: [{ "type": "azurerm_kubernetes_cluster_node_pool", "change": { "actions": ["delete"] } }]',
      fix: 'make sure the pool is meant to go; its workloads are evicted',
    },
  },
];
