/**
 * Pool names: `pool/name`, `pool/name-unique`. No cdktf imports.
 */
import { LINUX_POOL_NAME_PATTERN, WINDOWS_POOL_NAME_PATTERN } from '../../facts';
import { asString, isUnknown, poolsOf, type NodePoolModel } from '../../model';
import { clusterRule, poolRule } from '../frame';
import { cut, poolLabel } from '../text';
import type { Finding } from '../types';
import { poolOs, suggestPoolName } from './common';

/**
 * `pool/name`: Linux 1-12 characters, Windows 1-6 (API pattern and "Windows agent pool names must be 6 characters or
 * less").
 */
export const poolName = poolRule('pool/name', (pool, _c, r) => {
  const name = r.need(pool, 'name', asString(pool.name));
  if (!name.ok) return name.stop;
  if (name.value === undefined)
    return r.report(pool, `${poolLabel(pool)} has no name`, `set name, e.g. '${pool.isDefault ? 'system' : 'user'}'`);
  const v = name.value;
  const os = poolOs(pool);
  if (!LINUX_POOL_NAME_PATTERN.test(v)) {
    const max = os === 'Windows' ? 6 : 12;
    return r.report(
      pool,
      `node pool name '${cut(v, 40)}' is not a lower-case letter followed by lower-case letters or digits, 1-${max} characters`,
      `use a name such as '${suggestPoolName(v, max)}'`,
    );
  }
  if (WINDOWS_POOL_NAME_PATTERN.test(v)) return [];
  if (isUnknown(os)) {
    const n = r.need(pool, 'os_type', os);
    return n.ok ? [] : n.stop;
  }
  if (os === 'Windows') {
    return r.report(
      pool,
      `Windows node pool name '${v}' has ${v.length} characters; Windows pool names have at most 6`,
      `use a name of at most 6 characters, e.g. '${suggestPoolName(v, 6)}'`,
    );
  }
  return [];
});

/**
 * A valid name for a renamed duplicate: its name cut to the OS's limit less one, and a digit that no
 * pool of the cluster and no earlier suggestion uses (`taken` is lower case and gains the suggestion).
 */
function freeName(pool: NodePoolModel, taken: Set<string>): string {
  const base = suggestPoolName(String(pool.name), (poolOs(pool) === 'Windows' ? 6 : 12) - 1);
  let name = `${base}0`;
  for (let d = 2; d <= 9; d++) {
    if (!taken.has(`${base}${d}`)) {
      name = `${base}${d}`;
      break;
    }
  }
  taken.add(name);
  return name;
}

/**
 * `pool/name-unique`: "Unique name of the agent pool profile in the context of the subscription and resource group".
 */
export const poolNameUnique = clusterRule('pool/name-unique', (cluster, r) => {
  const seen = new Map<string, NodePoolModel>();
  const taken = new Set(poolsOf(cluster).map((p) => (typeof p.name === 'string' ? p.name.toLowerCase() : '')));
  const out: Finding[] = [];
  for (const pool of poolsOf(cluster)) {
    if (typeof pool.name !== 'string') continue;
    const key = pool.name.toLowerCase();
    const first = seen.get(key);
    if (!first) {
      seen.set(key, pool);
      continue;
    }
    out.push(
      r.report(
        pool,
        `node pool name '${cut(pool.name, 40)}' is already used by ${first.address} in cluster ${cluster.address}`,
        `rename this pool, e.g. '${freeName(pool, taken)}'`,
      ),
    );
  }
  return out;
});
