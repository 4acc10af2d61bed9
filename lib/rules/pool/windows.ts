/**
 * Windows pools and the cluster's network: `pool/windows-needs-azure-cni`, `pool/windows-cilium`,
 * `pool/windows-azure-npm`. No cdktf imports.
 */
import { effectiveNetwork, isUnknown } from '../../model';
import { clusterRule } from '../frame';
import { cut, dataPlaneAttribute, pluginAttribute, poolLabel } from '../text';
import { windowsPools } from './common';

/**
 * `pool/windows-needs-azure-cni`: "(AzureCNIOnlyForWindows) Windows agent pools can only be added to AKS clusters using
 * Azure-CNI."
 */
export const windowsNeedsAzureCni = clusterRule('pool/windows-needs-azure-cni', (cluster, r) => {
  const { pools, stops } = windowsPools(r, cluster);
  if (pools.length === 0) return stops;
  const plugin = effectiveNetwork(cluster).plugin;
  if (isUnknown(plugin)) {
    const n = r.need(cluster, pluginAttribute(cluster), plugin);
    return [...stops, ...(n.ok ? [] : n.stop)];
  }
  if (plugin === 'azure') return stops;
  return [
    ...stops,
    ...pools.map((pool) =>
      r.report(
        pool,
        `Windows ${poolLabel(pool)} is in cluster ${cluster.address} with network_plugin '${cut(String(plugin), 40)}'; Windows nodes need Azure CNI`,
        "set network_profile.network_plugin = 'azure' with network_plugin_mode = 'overlay'",
      ),
    ),
  ];
});

/** `pool/windows-cilium`: Azure CNI Powered by Cilium is "Available only for Linux and not for Windows". */
export const windowsCilium = clusterRule('pool/windows-cilium', (cluster, r) => {
  const plane = effectiveNetwork(cluster).networkDataPlane;
  if (plane !== 'cilium') return [];
  const { pools, stops } = windowsPools(r, cluster);
  return [
    ...stops,
    ...pools.map((pool) =>
      r.report(
        pool,
        `Windows ${poolLabel(pool)} is in cluster ${cluster.address} with ${dataPlaneAttribute(cluster)} 'cilium', which runs on Linux nodes only`,
        `use the Azure data plane (no ${dataPlaneAttribute(cluster)}) for a cluster with Windows pools, or move the Windows workloads to another cluster`,
      ),
    ),
  ];
});

/**
 * `pool/windows-azure-npm`: "Starting on September 30, 2026, AKS no longer supports Azure NPM on Windows
 * nodes" (azure-network-policy-manager-windows-retirement). A warning: the plan cannot show whether
 * the subscription is onboarded already.
 */
export const windowsAzureNpm = clusterRule('pool/windows-azure-npm', (cluster, r) => {
  if (effectiveNetwork(cluster).networkPolicy !== 'azure') return [];
  const { pools, stops } = windowsPools(r, cluster);
  return [
    ...stops,
    ...pools.map((pool) =>
      r.report(
        pool,
        `Windows ${poolLabel(pool)} is in cluster ${cluster.address} with network_policy 'azure': Azure NPM on Windows nodes is retired since 30 Sep 2026, and subscriptions that never used it cannot onboard`,
        "use network_policy = 'calico' for Windows nodes, or no network policy engine",
      ),
    ),
  ];
});
