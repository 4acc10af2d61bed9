/**
 * `pool/upgrade-settings`: an `upgrade_settings` block must say how nodes are replaced. No cdktf imports.
 */
import { asString, isUnknown } from '../../model';
import { poolRule } from '../frame';
import { poolLabel } from '../text';

/**
 * `pool/upgrade-settings`: azurerm 3.x requires `max_surge` in the block; 4.x requires `max_surge` or
 * `max_unavailable` unless the pool is Spot (Spot pools do not surge).
 */
export const upgradeSettings = poolRule('pool/upgrade-settings', (pool, _cluster, r) => {
  // the cited ExpectError is the node pool resource's; the default pool's block is not judged
  if (pool.isDefault || !pool.upgradeSettings) return [];
  if (pool.maxSurge !== undefined || pool.maxUnavailable !== undefined) return [];
  const priority = asString(pool.priority);
  if (isUnknown(priority)) {
    const n = r.need(pool, 'priority', priority);
    return n.ok ? [] : n.stop;
  }
  if (priority === 'Spot') return [];
  return r.report(
    pool,
    `${poolLabel(pool)} has an upgrade_settings block with neither max_surge nor max_unavailable`,
    'set max_surge (e.g. "10%"), or max_unavailable with max_surge = "0" (azurerm 4.x), or remove the block',
  );
});
