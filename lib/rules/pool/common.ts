/**
 * What pool rules share: a pool's OS and mode as Azure sees them, and a cluster's Windows pools.
 * No cdktf imports.
 */
import { asString, isUnknown, poolsOf, type ClusterModel, type NodePoolModel, type Value } from '../../model';
import type { RuleApi } from '../frame';
import type { Finding } from '../types';

/** The pool's OS: `Linux` for the default pool or an omitted `os_type`, else `os_type` as written. */
export function poolOs(pool: NodePoolModel): Value<string> {
  return pool.isDefault ? 'Linux' : (asString(pool.osType) ?? 'Linux');
}

/** The pool's mode: `System` for the default pool, `User` when `mode` is omitted. */
export function poolMode(pool: NodePoolModel): Value<string> {
  return pool.isDefault ? 'System' : (asString(pool.mode) ?? 'User');
}

/** The Windows pools of a cluster, plus a skipped-rule warning for each pool whose os_type is an expression. */
export function windowsPools(r: RuleApi, cluster: ClusterModel): { pools: NodePoolModel[]; stops: Finding[] } {
  const pools: NodePoolModel[] = [];
  const stops: Finding[] = [];
  for (const pool of poolsOf(cluster)) {
    const os = poolOs(pool);
    if (os === 'Windows') pools.push(pool);
    else if (isUnknown(os)) {
      const n = r.need(pool, 'os_type', os);
      if (!n.ok) stops.push(...n.stop);
    }
  }
  return { pools, stops };
}

/** A pool name fixed up: lower case, letters and digits, starting with a letter, at most `max` characters. */
export function suggestPoolName(name: string, max: number): string {
  const s = name
    .slice(0, 200)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^[0-9]+/, '');
  return (s === '' ? 'pool' : s).slice(0, max);
}
