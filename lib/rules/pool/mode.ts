/**
 * Pool modes: `pool/system-linux`, `pool/system-node-count`, `pool/spot-system`. No cdktf imports.
 */
import { asBoolean, asInteger, asString, isUnknown } from '../../model';
import { poolRule } from '../frame';
import { cut, poolLabel } from '../text';
import { poolMode, poolOs } from './common';

/** `pool/system-linux`: "System agent pools osType must be Linux" (API `AgentPoolMode.System`). */
export const systemLinux = poolRule('pool/system-linux', (pool, _c, r) => {
  if (pool.isDefault) {
    // default_node_pool has no os_type or mode in azurerm: only a Windows os_sku can make it non-Linux
    const sku = asString(pool.osSku);
    if (typeof sku === 'string' && sku.startsWith('Windows')) {
      return r.report(
        pool,
        `the default node pool has os_sku '${cut(sku, 40)}'; it is always Linux`,
        "use a Linux os_sku such as 'Ubuntu' or 'AzureLinux', and add Windows nodes as a separate node pool",
      );
    }
    return [];
  }
  const mode = poolMode(pool);
  const os = poolOs(pool);
  if (mode === 'System' && os === 'Windows') {
    return r.report(
      pool,
      `${poolLabel(pool)} is a System pool with os_type 'Windows'; System pools are Linux`,
      "set mode = 'User' for the Windows pool",
    );
  }
  if (mode === 'System' && isUnknown(os)) {
    const n = r.need(pool, 'os_type', os);
    return n.ok ? [] : n.stop;
  }
  if (os === 'Windows' && isUnknown(mode)) {
    const n = r.need(pool, 'mode', mode);
    return n.ok ? [] : n.stop;
  }
  return [];
});

/**
 * `pool/system-node-count`: API `count` "1 to 1000 (inclusive) for system pools"; azurerm sends an
 * omitted node_count as 0 (`kubernetes_nodepool.go`: `count := raw["node_count"].(int)`).
 */
export const systemNodeCount = poolRule('pool/system-node-count', (pool, _c, r) => {
  const mode = poolMode(pool);
  if (mode !== 'System' && !isUnknown(mode)) return [];
  const auto = r.need(pool, 'auto_scaling_enabled', asBoolean(pool.autoScalingEnabled));
  if (!auto.ok) return auto.stop;
  const attribute = auto.value === true ? 'min_count' : 'node_count';
  const n = r.need(pool, attribute, asInteger(auto.value === true ? pool.minCount : pool.nodeCount));
  if (!n.ok) return n.stop;
  if (auto.value === true && n.value === undefined) return []; // pool/counts reports a missing min_count
  if (n.value !== undefined && n.value >= 1) return [];
  if (isUnknown(mode)) {
    // 0 nodes: whether that is allowed depends on the mode, an expression
    const m = r.need(pool, 'mode', mode);
    return m.ok ? [] : m.stop;
  }
  const shown = n.value === undefined ? 'omitted (azurerm sends 0)' : String(n.value);
  return r.report(
    pool,
    `System ${poolLabel(pool)} has ${attribute} ${shown}; System pools need at least 1 node`,
    `set ${attribute} to at least 1 (e.g. 3)`,
  );
});

/** `pool/spot-system`: "Spot node pools require user node pools" (use-system-pools). */
export const spotSystem = poolRule('pool/spot-system', (pool, _c, r) => {
  // a User pool may be Spot or not: its priority is not read (an expression there is no reason to skip)
  const mode = poolMode(pool);
  if (mode !== 'System' && !isUnknown(mode)) return [];
  const priority = r.need(pool, 'priority', asString(pool.priority));
  if (!priority.ok) return priority.stop;
  if (priority.value !== 'Spot') return [];
  if (isUnknown(mode)) {
    const m = r.need(pool, 'mode', mode);
    return m.ok ? [] : m.stop;
  }
  return r.report(
    pool,
    `${poolLabel(pool)} is a Spot pool with mode 'System'; Spot pools must be User pools`,
    "set mode = 'User', or priority = 'Regular'",
  );
});
