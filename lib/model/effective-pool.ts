/**
 * A node pool as Azure will see it: attributes converted as Terraform converts them, with the AKS
 * defaults of lib/facts applied (see lib/model/effective.ts for the network). No cdktf imports.
 */
import { aksDefaultWindowsOsSku, DEFAULT_LINUX_OS_SKU, DEFAULT_MAX_PODS, type KubernetesVersion } from '../facts';
import { asBoolean, asInteger, asString, isUnknown, unknown } from './attr';
import { derivedAll, effectiveNetwork, versionOf } from './effective';
import type { ClusterModel, NodePoolModel, PlanModel, Value } from './types';

const poolCache = new WeakMap<NodePoolModel, { cluster: ClusterModel | undefined; value: EffectivePool }>();

/** A node pool as Azure will see it. */
export interface EffectivePool {
  /** `name` as written. */
  readonly name: Value<string>;
  /** `vm_size` as written. */
  readonly vmSize: Value<string>;
  /** `Linux` or `Windows` (the default pool is always Linux; `os_type` defaults to Linux). */
  readonly osType: Value<string>;
  /** `System` or `User` (the default pool is always System; `mode` defaults to User). */
  readonly mode: Value<string>;
  /** `os_sku`, or the one AKS picks (Ubuntu; Windows2022 or Windows2025 by version). */
  readonly osSku: Value<string>;
  /** True when `os_sku` is omitted. */
  readonly osSkuDefaulted: boolean;
  /** `auto_scaling_enabled`, false when omitted. */
  readonly autoscaling: Value<boolean>;
  /** `node_count` as written. */
  readonly nodeCount: Value<number>;
  /** `min_count` as written. */
  readonly minCount: Value<number>;
  /** `max_count` as written. */
  readonly maxCount: Value<number>;
  /**
   * The most nodes the pool can reach: `max_count` when autoscaling, else `node_count`; 0 when
   * omitted (azurerm sends `Count` = the configured node_count, 0 when omitted: kubernetes_nodepool.go).
   */
  readonly maxNodes: Value<number>;
  /** `max_pods`, or the default of the cluster's network mode. */
  readonly maxPods: Value<number>;
  /** True when `max_pods` is omitted. */
  readonly maxPodsDefaulted: boolean;
  /** The pool's orchestrator version as text, else the cluster's kubernetes_version. */
  readonly kubernetesVersion: Value<string>;
  /** That version parsed (see {@link versionOf}). */
  readonly version: Value<KubernetesVersion>;
  /** `upgrade_settings.max_surge` as written (`10%`, `3`); undefined for the default 10%. */
  readonly maxSurge: Value<string>;
}

/** A node pool with defaults applied; without its cluster, an omitted max_pods is Unknown. */
export function effectivePool(pool: NodePoolModel, cluster?: ClusterModel): EffectivePool {
  const cached = poolCache.get(pool);
  if (cached && cached.cluster === cluster) return cached.value;
  const value = derivedAll(poolValues(pool, cluster));
  poolCache.set(pool, { cluster, value });
  return value;
}

function poolValues(pool: NodePoolModel, cluster?: ClusterModel): EffectivePool {
  const osType: Value<string> = pool.isDefault ? 'Linux' : (asString(pool.osType) ?? 'Linux');
  const mode: Value<string> = pool.isDefault ? 'System' : (asString(pool.mode) ?? 'User');
  const rawVersion = pool.orchestratorVersion ?? cluster?.kubernetesVersion;
  const version = versionOf(rawVersion);
  const writtenSku = asString(pool.osSku);
  let osSku: Value<string> = writtenSku;
  if (writtenSku === undefined) {
    if (isUnknown(osType)) osSku = osType;
    else if (osType !== 'Windows') osSku = DEFAULT_LINUX_OS_SKU;
    else
      osSku =
        isUnknown(version) && version.cause !== 'shape'
          ? version
          : aksDefaultWindowsOsSku(isUnknown(version) ? undefined : version);
  }
  const autoscaling: Value<boolean> = asBoolean(pool.autoScalingEnabled) ?? false;
  const nodeCount = asInteger(pool.nodeCount);
  const maxCount = asInteger(pool.maxCount);
  let maxNodes: Value<number>;
  if (isUnknown(autoscaling)) maxNodes = autoscaling;
  else if (autoscaling && maxCount !== undefined) maxNodes = maxCount;
  else maxNodes = nodeCount ?? 0;
  const writtenMaxPods = asInteger(pool.maxPods);
  let maxPods: Value<number> = writtenMaxPods;
  if (writtenMaxPods === undefined) {
    const netMode = cluster
      ? effectiveNetwork(cluster).mode
      : unknown('(cluster unknown)', 'the pool is not linked to a cluster of this document');
    maxPods = isUnknown(netMode) ? netMode : DEFAULT_MAX_PODS[netMode];
  }
  return {
    name: asString(pool.name),
    vmSize: asString(pool.vmSize),
    osType,
    mode,
    osSku,
    osSkuDefaulted: writtenSku === undefined,
    autoscaling,
    nodeCount,
    minCount: asInteger(pool.minCount),
    maxCount,
    maxNodes,
    maxPods,
    maxPodsDefaulted: writtenMaxPods === undefined,
    kubernetesVersion: asString(rawVersion),
    version,
    maxSurge: asString(pool.maxSurge),
  };
}

/** Every pool of a cluster: the default pool first, then the extra pools. */
export function poolsOf(cluster: ClusterModel): NodePoolModel[] {
  return cluster.defaultNodePool ? [cluster.defaultNodePool, ...cluster.nodePools] : [...cluster.nodePools];
}

const clusterIndex = new WeakMap<PlanModel, Map<string, ClusterModel>>();

/** The cluster a pool belongs to, when it is in the model (indexed once per model). */
export function clusterOf(model: PlanModel, pool: NodePoolModel): ClusterModel | undefined {
  if (pool.clusterAddress === undefined) return undefined;
  let index = clusterIndex.get(model);
  if (!index) {
    index = new Map(model.clusters.map((c) => [c.address, c]));
    clusterIndex.set(model, index);
  }
  return index.get(pool.clusterAddress);
}
