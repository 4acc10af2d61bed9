/**
 * Documentation of the node pool upgrade rules. No cdktf imports.
 */
import type { RuleDoc } from './types';
import { src } from './sources';

/** The pool upgrade rules. */
export const POOL_UPGRADE_DOCS: readonly RuleDoc[] = [
  {
    id: 'pool/upgrade-settings',
    severity: 'error',
    summary:
      'an `upgrade_settings` block of an `azurerm_kubernetes_cluster_node_pool` sets `max_surge` or ' +
      "`max_unavailable`; a Spot pool may leave both out (the default pool's block is not judged)",
    otherwise: 'plan',
    sources: [
      src(
        'azurerm acceptance test TestAccKubernetesClusterNodePool_upgradeSettingsWithoutMaxSurgeOrMaxUnavailable ' +
          '(ExpectError, commit 69697b7)',
        'https://github.com/hashicorp/terraform-provider-azurerm/blob/69697b7fe6a923fc89e88f386bc95c3ed1ee2ec6/' +
          'internal/services/containers/kubernetes_cluster_node_pool_resource_test.go',
        'either `max_surge` or `max_unavailable` must be specified in `upgrade_settings` when `priority` is not `Spot`',
      ),
    ],
    file: 'lib/rules/pool/upgrade-settings.ts',
    example: {
      failing:
        '"azurerm_kubernetes_cluster_node_pool": { "user": { "upgrade_settings": { "drain_timeout_in_minutes": 15 }, ... } }',
      fix: 'add max_surge = "10%" to upgrade_settings',
    },
  },
];
