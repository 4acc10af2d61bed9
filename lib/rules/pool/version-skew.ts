/**
 * `pool/orchestrator-version-skew`: API `orchestratorVersion` "The node pool version must have the same
 * major version as the control plane. The node pool minor version must be within two minor versions of
 * the control plane version. The node pool version cannot be greater than the control plane version."
 * No cdktf imports.
 */
import { compareVersion } from '../../facts';
import { versionOf } from '../../model';
import { poolRule } from '../frame';
import { poolLabel } from '../text';

/** `pool/orchestrator-version-skew`. */
export const versionSkew = poolRule('pool/orchestrator-version-skew', (pool, cluster, r) => {
  if (pool.orchestratorVersion === undefined || !cluster) return [];
  const pv = r.need(pool, 'orchestrator_version', versionOf(pool.orchestratorVersion));
  const cv = r.need(cluster, 'kubernetes_version', versionOf(cluster.kubernetesVersion));
  if (!pv.ok || !cv.ok) return [...(pv.ok ? [] : pv.stop), ...(cv.ok ? [] : cv.stop)];
  const p = pv.value;
  const c = cv.value;
  if (!p || !c) return []; // no control plane version: AKS's default, which it keeps pools compatible with
  const fix = `set orchestrator_version to ${c.text}, or a version at most two minor versions below it`;
  if (p.major !== c.major)
    return r.report(
      pool,
      `${poolLabel(pool)} has orchestrator_version ${p.text}, another major version than the control plane's ${c.text}`,
      fix,
    );
  const bound =
    c.patch !== undefined && p.patch !== undefined
      ? ([c.major, c.minor, c.patch] as const)
      : ([c.major, c.minor] as const);
  if (compareVersion(p, bound) > 0)
    return r.report(
      pool,
      `${poolLabel(pool)} has orchestrator_version ${p.text}, newer than the control plane's ${c.text}`,
      fix,
    );
  if (c.minor - p.minor > 2)
    return r.report(
      pool,
      `${poolLabel(pool)} has orchestrator_version ${p.text}, ${c.minor - p.minor} minor versions behind the control plane's ${c.text} (at most 2)`,
      fix,
    );
  if (pool.isDefault && compareVersion(p, bound) !== 0) {
    return r.report(
      pool,
      `the default node pool has orchestrator_version ${p.text} but the control plane has ${c.text}; at creation the versions must match`,
      `set default_node_pool.orchestrator_version to ${c.text}, or remove it`,
    );
  }
  return [];
});
