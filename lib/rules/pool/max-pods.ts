/**
 * Pods per node: `pool/max-pods`, `pool/max-pods-windows`, `pool/max-pods-total`. "The minimum value
 * that can be set for maximum pods per node is 10 if and only if the configuration of each node pool
 * has space for a minimum of 30 pods" (concepts-network-ip-address-planning). No cdktf imports.
 */
import { MAX_PODS_RANGE, MIN_PODS_PER_POOL, WINDOWS_RECOMMENDED_MAX_PODS } from '../../facts';
import { asBoolean, asInteger, effectivePool, isUnknown, type ClusterModel, type NodePoolModel } from '../../model';
import { poolRule, type RuleApi } from '../frame';
import { poolLabel } from '../text';
import { poolMode, poolOs } from './common';

/**
 * The pool's max pods (written, else its network mode's default) and nodes (node_count, or min_count when autoscaling).
 */
function podRoom(
  pool: NodePoolModel,
  cluster: ClusterModel | undefined,
): { maxPods: number; nodes: number } | undefined {
  const maxPods = effectivePool(pool, cluster).maxPods;
  const auto = asBoolean(pool.autoScalingEnabled);
  const nodes = asInteger(auto === true ? pool.minCount : pool.nodeCount);
  if (typeof maxPods !== 'number' || typeof nodes !== 'number' || nodes <= 0) return undefined;
  return { maxPods, nodes };
}

function roomMessage(pool: NodePoolModel, room: { maxPods: number; nodes: number }): string {
  return `${poolLabel(pool)} has room for ${room.maxPods * room.nodes} pods (max_pods ${room.maxPods} x ${room.nodes} nodes), below ${MIN_PODS_PER_POOL}`;
}

function roomFix(room: { maxPods: number; nodes: number }): string {
  const pods = Math.ceil(MIN_PODS_PER_POOL / room.nodes);
  return `raise max_pods to at least ${Math.max(pods, MAX_PODS_RANGE[0])}, or the node count to at least ${Math.ceil(MIN_PODS_PER_POOL / room.maxPods)}`;
}

/** `pool/max-pods`: 10-250, and room for 30 pods on a System pool. */
export const maxPods = poolRule('pool/max-pods', (pool, cluster, r: RuleApi) => {
  const v = r.need(pool, 'max_pods', asInteger(pool.maxPods));
  if (!v.ok) return v.stop;
  const [min, max] = MAX_PODS_RANGE;
  if (v.value !== undefined && (v.value < min || v.value > max)) {
    return r.report(
      pool,
      `max_pods ${v.value} of ${poolLabel(pool)} is outside ${min}-${max}`,
      `set max_pods to ${v.value < min ? min : max} (${min}-${max})`,
    );
  }
  if (poolMode(pool) !== 'System') return [];
  const room = podRoom(pool, cluster);
  if (!room) {
    // below 30 pods per node the node count decides: say so when it is an expression
    const auto = asBoolean(pool.autoScalingEnabled);
    const nodes = auto === true ? pool.minCount : pool.nodeCount;
    const n = r.need(pool, auto === true ? 'min_count' : 'node_count', asInteger(nodes));
    return v.value !== undefined && v.value < MIN_PODS_PER_POOL && !n.ok ? n.stop : [];
  }
  if (room.maxPods * room.nodes >= MIN_PODS_PER_POOL) return [];
  return r.report(pool, `System ${roomMessage(pool, room)}`, roomFix(room));
});

/** `pool/max-pods-total`: the same minimum on a User pool, documented but not shown to be enforced there. */
export const maxPodsTotal = poolRule('pool/max-pods-total', (pool, cluster, r) => {
  if (poolMode(pool) !== 'User') return [];
  const v = asInteger(pool.maxPods);
  if (typeof v === 'number' && (v < MAX_PODS_RANGE[0] || v > MAX_PODS_RANGE[1])) return []; // pool/max-pods reports it
  const room = podRoom(pool, cluster);
  if (!room || room.maxPods * room.nodes >= MIN_PODS_PER_POOL) return [];
  return r.report(pool, roomMessage(pool, room), roomFix(room));
});

/** `pool/max-pods-windows`: "For Windows Server containers, the maximum recommended value is 110". */
export const maxPodsWindows = poolRule('pool/max-pods-windows', (pool, _c, r) => {
  const v = asInteger(pool.maxPods);
  if (typeof v !== 'number' || v <= WINDOWS_RECOMMENDED_MAX_PODS || v > MAX_PODS_RANGE[1]) return [];
  const os = poolOs(pool);
  if (isUnknown(os)) {
    const n = r.need(pool, 'os_type', os);
    return n.ok ? [] : n.stop;
  }
  if (os !== 'Windows') return [];
  return r.report(
    pool,
    `max_pods ${v} of Windows ${poolLabel(pool)} is above ${WINDOWS_RECOMMENDED_MAX_PODS}, the most Microsoft recommends for Windows nodes`,
    `set max_pods to ${WINDOWS_RECOMMENDED_MAX_PODS} or less on Windows pools`,
  );
});
