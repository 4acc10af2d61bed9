/**
 * The values Azure will see: the model's attributes as written, with the `az aks create`
 * defaults of RULES.md (lib/model/defaults.ts) applied where an attribute is omitted, converted to
 * typed values. No cdktf imports.
 *
 * Usage (in a rule, or the CLI report):
 * ```ts
 * import { effectiveNetwork, effectivePool, isUnknown } from '../model';
 * for (const cluster of model.clusters) {
 *   const net = effectiveNetwork(cluster);
 *   if (isUnknown(net.mode)) { findings.push(skipped(rule, cluster, 'network mode', net.mode)); continue; }
 *   if (net.mode === 'overlay' && !isUnknown(net.podCidrs)) { ... net.podCidrs: Value<string>[] ... }
 *   for (const pool of poolsOf(cluster)) {
 *     const p = effectivePool(pool, cluster);   // p.osType, p.mode, p.maxNodes, p.maxPods, ...
 *   }
 * }
 * ```
 * Every field is a `Value<T>`: the typed value, an {@link Unknown} (an unresolved expression, or a
 * value of the wrong type, with a `reason`), or `undefined` when it is omitted and has no default.
 * Check `isUnknown(x)` before using a value. `*Defaulted` flags say whether a default was applied
 * (so messages can say "the default service range 10.0.0.0/16").
 */
import type { IpFamily } from '../net';
import {
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_DUAL_STACK_POD_CIDRS,
  DEFAULT_DUAL_STACK_SERVICE_CIDRS,
  DEFAULT_IP_FAMILIES,
  DEFAULT_LINUX_OS_SKU,
  DEFAULT_MAX_PODS_NODE_SUBNET,
  DEFAULT_MAX_PODS_OVERLAY,
  DEFAULT_NETWORK_PLUGIN,
  DEFAULT_NODE_COUNT,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  DEFAULT_WINDOWS_OS_SKU,
} from './defaults';
import { isUnknown, unknown, wrongType } from './read';
import type { ClusterModel, NodePoolModel, PlanModel, Unknown, Value } from './types';

/** Max pods per node with kubenet when `max_pods` is omitted. */
export const DEFAULT_MAX_PODS_KUBENET = 110;
/** Max pods per node with `network_plugin = none` (bring your own CNI) when `max_pods` is omitted. */
export const DEFAULT_MAX_PODS_NONE = 250;

/** A model value as a string: numbers and booleans convert as Terraform converts them; lists and objects become an Unknown. */
export function asString(v: Value<unknown>): Value<string> {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return wrongType(v, 'a string');
}

/** A model value as a number: numeric strings convert (as in Terraform); anything else becomes an Unknown. */
export function asNumber(v: Value<unknown>): Value<number> {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return wrongType(v, 'a number');
}

/** A model value as a boolean: `"true"`/`"false"` convert (as in Terraform); anything else becomes an Unknown. */
export function asBoolean(v: Value<unknown>): Value<boolean> {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return wrongType(v, 'a boolean');
}

/**
 * A model value as a list of strings. The whole list is Unknown when it is an expression, or when
 * any item is (the Unknown item is returned, so its expression is quoted); a single string is not
 * a list (an Unknown).
 */
export function asStringList(v: Value<unknown>): Value<readonly string[]> {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (!Array.isArray(v)) return wrongType(v, 'a list of strings');
  const out: string[] = [];
  for (const item of v) {
    const s = asString(item as Value<unknown>);
    if (s === undefined) return wrongType(item, 'a string');
    if (isUnknown(s)) return s;
    out.push(s);
  }
  return out;
}

/** How the cluster gives pods addresses. */
export type NetworkMode = 'overlay' | 'node-subnet' | 'kubenet' | 'none';

/** A cluster's network as Azure will see it. */
export interface EffectiveNetwork {
  /** `network_plugin`: `azure` when omitted (or when there is no `network_profile`). */
  readonly plugin: Value<string>;
  /** True when `network_plugin` is omitted and `azure` is the default. */
  readonly pluginDefaulted: boolean;
  /** `network_plugin_mode` as written, e.g. `overlay`. */
  readonly pluginMode: Value<string>;
  /**
   * `overlay` (azure + overlay, or nothing set), `node-subnet` (azure without a mode), `kubenet`,
   * `none`; an Unknown when the plugin or mode is unresolved or not a value the provider accepts.
   */
  readonly mode: Value<NetworkMode>;
  /** `ip_versions`, or `['IPv4']` when omitted, as written (not validated: network/ip-families does that). */
  readonly families: Value<readonly string[]>;
  /** True when `ip_versions` is omitted. */
  readonly familiesDefaulted: boolean;
  /** True when the families include IPv6 (dual-stack; IPv6 alone is invalid but is treated as dual-stack too). */
  readonly dualStack: Value<boolean>;
  /**
   * The pod ranges: `pod_cidrs`, else `[pod_cidr]` (plus the default IPv6 pod range when
   * dual-stack), else the defaults (10.244.0.0/16; dual-stack adds fd12:3456:789a::/64).
   * Empty in node-subnet mode (pods take subnet addresses) and with `none` unless set.
   */
  readonly podCidrs: Value<readonly string[]>;
  /** True when the pod ranges are the defaults (no pod_cidr / pod_cidrs written). */
  readonly podCidrsDefaulted: boolean;
  /**
   * The service ranges: `service_cidrs`, else `[service_cidr]` (plus the default IPv6 service
   * range when dual-stack), else the defaults (10.0.0.0/16; dual-stack adds fd12:3456:789a:1::/108).
   */
  readonly serviceCidrs: Value<readonly string[]>;
  /** True when the service ranges are the defaults (no service_cidr / service_cidrs written). */
  readonly serviceCidrsDefaulted: boolean;
  /**
   * `dns_service_ip`; `10.0.0.10` when neither it nor a service range is set; undefined when a
   * service range is set without it (network/dns-service-ip reports that).
   */
  readonly dnsServiceIp: Value<string>;
  /** True when the DNS service IP is the default 10.0.0.10. */
  readonly dnsServiceIpDefaulted: boolean;
  /** `network_policy` as written (e.g. `azure`, `calico`, `cilium`); undefined when omitted (no network policy engine). */
  readonly networkPolicy: Value<string>;
  /** `outbound_type` as written (e.g. `loadBalancer`, `userDefinedRouting`); undefined when omitted (Azure uses `loadBalancer`). */
  readonly outboundType: Value<string>;
  /** `load_balancer_sku` as written (`standard` or `basic`); undefined when omitted (Azure uses `standard`). */
  readonly loadBalancerSku: Value<string>;
}

function modeOf(plugin: Value<string>, pluginMode: Value<string>): Value<NetworkMode> {
  if (isUnknown(plugin)) return plugin;
  if (plugin === undefined) return 'overlay';
  if (plugin === 'kubenet') return 'kubenet';
  if (plugin === 'none') return 'none';
  if (plugin !== 'azure') return unknown(plugin, `network_plugin ${plugin} is not one of azure, kubenet, none`);
  if (isUnknown(pluginMode)) return pluginMode;
  if (pluginMode === undefined) return 'node-subnet';
  if (pluginMode === 'overlay') return 'overlay';
  return unknown(pluginMode, `network_plugin_mode ${pluginMode} is not overlay`);
}

/**
 * The network of a cluster as Azure will see it (defaults of RULES.md applied).
 * @example effectiveNetwork(cluster).serviceCidrs // ['10.0.0.0/16'] when nothing is set
 */
export function effectiveNetwork(cluster: ClusterModel): EffectiveNetwork {
  const np = cluster.networkProfile;
  const rawPlugin = asString(np.networkPlugin);
  const plugin: Value<string> = rawPlugin ?? DEFAULT_NETWORK_PLUGIN;
  const pluginMode = asString(np.networkPluginMode);
  const mode = modeOf(rawPlugin, pluginMode);
  const writtenFamilies = asStringList(np.ipVersions);
  const families: Value<readonly string[]> = writtenFamilies ?? [...DEFAULT_IP_FAMILIES];
  const dualStack: Value<boolean> = isUnknown(families) ? families : families.includes('IPv6');

  const rangesOf = (list: Value<unknown>, single: Value<unknown>, v6Default: string): { ranges: Value<readonly string[]>; given: boolean } => {
    const l = asStringList(list);
    if (l !== undefined && (isUnknown(l) || l.length > 0)) return { ranges: l, given: true };
    const s = asString(single);
    if (s === undefined) return { ranges: undefined, given: false };
    if (isUnknown(s)) return { ranges: s, given: true };
    if (dualStack === true) return { ranges: [s, v6Default], given: true };
    return { ranges: [s], given: true };
  };

  const pods = rangesOf(np.podCidrs, np.podCidr, DEFAULT_DUAL_STACK_POD_CIDRS[1]);
  let podCidrs: Value<readonly string[]>;
  let podCidrsDefaulted = false;
  if (pods.given) podCidrs = mode === 'node-subnet' ? [] : pods.ranges;
  else if (isUnknown(mode)) podCidrs = mode;
  else if (mode === 'node-subnet' || mode === 'none') podCidrs = [];
  else if (isUnknown(dualStack)) podCidrs = dualStack;
  else {
    podCidrs = dualStack && mode === 'overlay' ? [...DEFAULT_DUAL_STACK_POD_CIDRS] : [DEFAULT_POD_CIDR];
    podCidrsDefaulted = true;
  }

  const services = rangesOf(np.serviceCidrs, np.serviceCidr, DEFAULT_DUAL_STACK_SERVICE_CIDRS[1]);
  let serviceCidrs: Value<readonly string[]>;
  let serviceCidrsDefaulted = false;
  if (services.given) serviceCidrs = services.ranges;
  else if (isUnknown(dualStack)) serviceCidrs = dualStack;
  else {
    serviceCidrs = dualStack ? [...DEFAULT_DUAL_STACK_SERVICE_CIDRS] : [DEFAULT_SERVICE_CIDR];
    serviceCidrsDefaulted = true;
  }

  const writtenDns = asString(np.dnsServiceIp);
  const dnsServiceIpDefaulted = writtenDns === undefined && !services.given;
  const dnsServiceIp = writtenDns ?? (dnsServiceIpDefaulted ? DEFAULT_DNS_SERVICE_IP : undefined);

  return {
    plugin,
    pluginDefaulted: rawPlugin === undefined,
    pluginMode,
    mode,
    families,
    familiesDefaulted: writtenFamilies === undefined,
    dualStack,
    podCidrs,
    podCidrsDefaulted,
    serviceCidrs,
    serviceCidrsDefaulted,
    dnsServiceIp,
    dnsServiceIpDefaulted,
    networkPolicy: asString(np.networkPolicy),
    outboundType: asString(np.outboundType),
    loadBalancerSku: asString(np.loadBalancerSku),
  };
}

/** The families of a network as IpFamily values, or an Unknown; values other than IPv4/IPv6 are dropped. */
export function familiesOf(net: EffectiveNetwork): Value<readonly IpFamily[]> {
  if (isUnknown(net.families) || net.families === undefined) return net.families;
  return net.families.filter((f): f is IpFamily => f === 'IPv4' || f === 'IPv6');
}

/** A node pool as Azure will see it. */
export interface EffectivePool {
  /** `name` as written, e.g. `system`. */
  readonly name: Value<string>;
  /** `vm_size` as written, e.g. `Standard_D4s_v5`. */
  readonly vmSize: Value<string>;
  /** `Linux` or `Windows` (the default pool is always Linux; `os_type` defaults to Linux). */
  readonly osType: Value<string>;
  /** `System` or `User` (the default pool is always System; `mode` defaults to User). */
  readonly mode: Value<string>;
  /** `os_sku`, or `Windows2022` / `Ubuntu` by os type. */
  readonly osSku: Value<string>;
  /** True when `os_sku` is omitted. */
  readonly osSkuDefaulted: boolean;
  /** `auto_scaling_enabled`, false when omitted. */
  readonly autoscaling: Value<boolean>;
  /** `node_count` as written (no default: with autoscaling it may be omitted). */
  readonly nodeCount: Value<number>;
  /** `min_count` as written (the autoscaler's lower bound; no default). */
  readonly minCount: Value<number>;
  /** `max_count` as written (the autoscaler's upper bound; no default). */
  readonly maxCount: Value<number>;
  /**
   * The most nodes the pool can reach: `max_count` when autoscaling, else `node_count`, default 3.
   * With autoscaling and no `max_count` (invalid: pool/counts reports it), `node_count`, else 3.
   */
  readonly maxNodes: Value<number>;
  /** `max_pods`, or the default of the cluster's network mode (250 overlay and none, 30 node-subnet, 110 kubenet). Unknown when the mode is. */
  readonly maxPods: Value<number>;
  /** True when `max_pods` is omitted. */
  readonly maxPodsDefaulted: boolean;
  /** The pool's orchestrator version, else the cluster's kubernetes_version. */
  readonly kubernetesVersion: Value<string>;
}

/** The default max pods per node of a network mode. */
export function defaultMaxPods(mode: NetworkMode): number {
  switch (mode) {
    case 'overlay': return DEFAULT_MAX_PODS_OVERLAY;
    case 'node-subnet': return DEFAULT_MAX_PODS_NODE_SUBNET;
    case 'kubenet': return DEFAULT_MAX_PODS_KUBENET;
    case 'none': return DEFAULT_MAX_PODS_NONE;
  }
}

/**
 * A node pool with defaults applied.
 * @param pool the pool (default or extra)
 * @param cluster its cluster, for the max pods default and the Kubernetes version; without it,
 *   maxPods is Unknown when omitted
 */
export function effectivePool(pool: NodePoolModel, cluster?: ClusterModel): EffectivePool {
  const osType: Value<string> = pool.isDefault ? 'Linux' : (asString(pool.osType) ?? 'Linux');
  const mode: Value<string> = pool.isDefault ? 'System' : (asString(pool.mode) ?? 'User');
  const writtenSku = asString(pool.osSku);
  let osSku: Value<string> = writtenSku;
  if (writtenSku === undefined) osSku = isUnknown(osType) ? osType : osType === 'Windows' ? DEFAULT_WINDOWS_OS_SKU : DEFAULT_LINUX_OS_SKU;
  const autoscaling: Value<boolean> = asBoolean(pool.autoScalingEnabled) ?? false;
  const nodeCount = asNumber(pool.nodeCount);
  const minCount = asNumber(pool.minCount);
  const maxCount = asNumber(pool.maxCount);
  let maxNodes: Value<number>;
  if (isUnknown(autoscaling)) maxNodes = autoscaling;
  else if (autoscaling && maxCount !== undefined) maxNodes = maxCount;
  else maxNodes = nodeCount ?? DEFAULT_NODE_COUNT;
  const writtenMaxPods = asNumber(pool.maxPods);
  let maxPods: Value<number> = writtenMaxPods;
  if (writtenMaxPods === undefined) {
    const netMode = cluster ? effectiveNetwork(cluster).mode : unknown('(cluster unknown)', 'the pool is not linked to a cluster of this document');
    maxPods = isUnknown(netMode) ? netMode : netMode === undefined ? undefined : defaultMaxPods(netMode);
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
    minCount,
    maxCount,
    maxNodes,
    maxPods,
    maxPodsDefaulted: writtenMaxPods === undefined,
    kubernetesVersion: asString(pool.orchestratorVersion) ?? (cluster ? asString(cluster.kubernetesVersion) : undefined),
  };
}

/** Every pool of a cluster: the default pool first, then the extra pools. */
export function poolsOf(cluster: ClusterModel): NodePoolModel[] {
  return cluster.defaultNodePool ? [cluster.defaultNodePool, ...cluster.nodePools] : [...cluster.nodePools];
}

/** The cluster a pool belongs to, when it is in the model. */
export function clusterOf(model: PlanModel, pool: NodePoolModel): ClusterModel | undefined {
  return pool.clusterAddress === undefined ? undefined : model.clusters.find((c) => c.address === pool.clusterAddress);
}
