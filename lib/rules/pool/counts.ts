/**
 * `pool/counts`: azurerm `IntBetween(1, 1000)` (default pool) / `IntBetween(0, 1000)` (pool resource),
 * "`max_count` must be configured when `auto_scaling_enabled` is set to `true`", "`max_count` and
 * `min_count` must be set to `null` when `auto_scaling_enabled` is set to `false`", checked as
 * `minCount > 0 || maxCount > 0` (SDKv2 cannot tell 0 from unset, so 0 counts as unset). No cdktf imports.
 */
import { NODE_COUNT_RANGE } from '../../facts';
import { asBoolean, asInteger } from '../../model';
import { poolRule } from '../frame';
import { poolLabel } from '../text';
import type { Finding } from '../types';

const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);

/** `pool/counts`. */
export const counts = poolRule('pool/counts', (pool, _c, r) => {
  const label = poolLabel(pool);
  const auto = r.need(pool, 'auto_scaling_enabled', asBoolean(pool.autoScalingEnabled));
  if (!auto.ok) return auto.stop;
  const reads = {
    node_count: r.need(pool, 'node_count', asInteger(pool.nodeCount)),
    min_count: r.need(pool, 'min_count', asInteger(pool.minCount)),
    max_count: r.need(pool, 'max_count', asInteger(pool.maxCount)),
  };
  const stops = Object.values(reads).flatMap((x) => (x.ok ? [] : x.stop));
  if (stops.length > 0) return stops.some((f) => !f.skipped) ? stops.filter((f) => !f.skipped) : [stops[0]];
  const value = (k: keyof typeof reads): number | undefined => {
    const x = reads[k];
    return x.ok ? x.value : undefined;
  };
  const nodeCount = value('node_count');
  const minCount = value('min_count');
  const maxCount = value('max_count');
  const [low, high] = pool.isDefault ? NODE_COUNT_RANGE.System : NODE_COUNT_RANGE.User;
  const out: Finding[] = [];
  const outside = (v: number | undefined): boolean => v !== undefined && (v < low || v > high);
  if (nodeCount !== undefined && outside(nodeCount))
    out.push(
      r.report(
        pool,
        `node_count ${nodeCount} of ${label} is outside ${low}-${high}`,
        `set node_count to ${clamp(nodeCount, low, high)}`,
      ),
    );
  const autoscaling = auto.value === true;
  if (!autoscaling) {
    // azurerm: `else if minCount > 0 || maxCount > 0` – 0 cannot be told from unset
    const set = (['min_count', 'max_count'] as const).filter((k) => (value(k) ?? 0) > 0);
    if (set.length > 0)
      out.push(
        r.report(
          pool,
          `${label} sets ${set.join(' and ')} without auto_scaling_enabled = true`,
          `set auto_scaling_enabled = true, or remove ${set.join(' and ')}`,
        ),
      );
    return out;
  }
  for (const [k, v] of [
    ['min_count', minCount],
    ['max_count', maxCount],
  ] as const) {
    if (v !== undefined && outside(v))
      out.push(r.report(pool, `${k} ${v} of ${label} is outside ${low}-${high}`, `set ${k} to ${clamp(v, low, high)}`));
  }
  if (minCount === undefined || maxCount === undefined) {
    const missing = [
      minCount === undefined ? 'min_count' : undefined,
      maxCount === undefined ? 'max_count' : undefined,
    ].filter((x) => x);
    out.push(
      r.report(
        pool,
        `${label} has auto_scaling_enabled = true but no ${missing.join(' or ')}`,
        `set both min_count and max_count, e.g. min_count = ${nodeCount ?? Math.max(low, 1)}, max_count = ${Math.max(nodeCount ?? 0, 5)}`,
      ),
    );
  } else if (minCount > maxCount) {
    out.push(
      r.report(
        pool,
        `min_count ${minCount} of ${label} is greater than max_count ${maxCount}`,
        `set min_count <= max_count, e.g. min_count = ${maxCount}`,
      ),
    );
  } else if (nodeCount !== undefined && !outside(nodeCount) && (nodeCount < minCount || nodeCount > maxCount)) {
    out.push(
      r.report(
        pool,
        `node_count ${nodeCount} of ${label} is outside min_count ${minCount} - max_count ${maxCount}`,
        `set node_count to ${clamp(nodeCount, minCount, maxCount)}, or widen min_count/max_count`,
      ),
    );
  }
  return out;
});
