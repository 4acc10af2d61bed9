/**
 * The values Azure will see: the model's attributes as written, converted as Terraform converts
 * them, with the AKS defaults of lib/facts applied where an attribute is omitted. No cdktf imports.
 *
 * Every field is a `Value<T>`: the typed value, an {@link Unknown} (an unresolved expression, or a
 * value of the wrong type, with its `cause`), or `undefined` when omitted without a default. Check
 * `isUnknown(x)` before using a value. `*Defaulted` flags say whether a default was applied.
 */
import type { IpFamily } from '../net';
import {
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_IP_FAMILIES,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  defaultNetworkMode,
  isDualStack,
  networkModeOf,
  parseKubernetesVersion,
  usesPodCidr,
  type KubernetesVersion,
  type NetworkMode,
} from '../facts';
import { asString, asStringList, isUnknown, unknown } from './attr';
import type { ClusterModel, Unknown, Value } from './types';

export type { NetworkMode } from '../facts';

/** A cluster's network as Azure will see it. */
export interface EffectiveNetwork {
  /** `network_plugin`; with no `network_profile`, the plugin AKS picks for the version. */
  readonly plugin: Value<string>;
  /** True when `network_plugin` is omitted and a default applies. */
  readonly pluginDefaulted: boolean;
  /** `network_plugin_mode` as written, e.g. `overlay`. */
  readonly pluginMode: Value<string>;
  /** `overlay`, `node-subnet`, `kubenet` or `none`; an Unknown when unresolved or not a value azurerm accepts. */
  readonly mode: NetworkMode | Unknown;
  /** `ip_versions`, or `['IPv4']` when omitted, as written. */
  readonly families: Value<readonly string[]>;
  /** True when `ip_versions` is omitted. */
  readonly familiesDefaulted: boolean;
  /** True when the families include IPv6 (see `isDualStack` of lib/facts). */
  readonly dualStack: Value<boolean>;
  /**
   * The pod ranges known before apply: `pod_cidrs`, else `[pod_cidr]`, else the IPv4 default when the
   * mode uses a pod range. Empty in node-subnet mode and with `none` unless set. An IPv6 range AKS
   * picks itself (dual-stack without `pod_cidrs`) is not listed: see `podIpv6ChosenByAks`.
   */
  readonly podCidrs: Value<readonly string[]>;
  /** True when the pod ranges are the default (no pod_cidr / pod_cidrs written). */
  readonly podCidrsDefaulted: boolean;
  /** True when the cluster is dual-stack and AKS picks its IPv6 pod range (not written). */
  readonly podIpv6ChosenByAks: boolean;
  /** The service ranges known before apply: `service_cidrs`, else `[service_cidr]`, else 10.0.0.0/16. */
  readonly serviceCidrs: Value<readonly string[]>;
  /** True when the service ranges are the default. */
  readonly serviceCidrsDefaulted: boolean;
  /** True when the cluster is dual-stack and AKS picks its IPv6 service range (not written). */
  readonly serviceIpv6ChosenByAks: boolean;
  /** `dns_service_ip`; 10.0.0.10 when neither it nor a service range is set. */
  readonly dnsServiceIp: Value<string>;
  /** True when the DNS service IP is the default 10.0.0.10. */
  readonly dnsServiceIpDefaulted: boolean;
  /** `network_policy` as written; undefined when omitted (no network policy engine). */
  readonly networkPolicy: Value<string>;
  /** `network_data_plane` as written; undefined when omitted (Azure's data plane). */
  readonly networkDataPlane: Value<string>;
  /** `outbound_type` as written; undefined when omitted (`loadBalancer`). */
  readonly outboundType: Value<string>;
  /** `load_balancer_sku` as written; undefined when omitted (`standard`). */
  readonly loadBalancerSku: Value<string>;
}

/**
 * The cluster's Kubernetes version: parsed, Unknown for an expression, undefined when omitted. A
 * value that is not `MAJOR.MINOR[.PATCH]` is an Unknown with cause `shape` (cluster/kubernetes-version
 * reports it; version-aware rules stay silent).
 */
export function versionOf(raw: Value<unknown>): Value<KubernetesVersion> {
  const s = asString(raw);
  if (s === undefined || isUnknown(s)) return s;
  return parseKubernetesVersion(s) ?? { ...unknown(s, 'not a MAJOR.MINOR[.PATCH] version'), cause: 'shape' };
}

function modeOf(cluster: ClusterModel, plugin: Value<string>, pluginMode: Value<string>): NetworkMode | Unknown {
  if (!cluster.networkProfile.present) {
    const v = versionOf(cluster.kubernetesVersion);
    return isUnknown(v) && v.cause !== 'shape' ? v : defaultNetworkMode(isUnknown(v) ? undefined : v);
  }
  if (plugin === undefined) return 'overlay';
  if (isUnknown(plugin)) return plugin;
  if (isUnknown(pluginMode)) return pluginMode;
  const m = networkModeOf(plugin, pluginMode);
  if (typeof m === 'string') return m;
  const value = m.invalid === 'network_plugin' ? plugin : String(pluginMode);
  return { ...unknown(value, `${m.invalid} '${value}' is not a value azurerm accepts`), cause: 'shape' };
}

/** Ranges written as a list, or as the single attribute; undefined when neither is written. */
function written(list: Value<unknown>, single: Value<unknown>): Value<readonly string[]> {
  const l = asStringList(list);
  if (l !== undefined && (isUnknown(l) || l.length > 0)) return l;
  const s = asString(single);
  return s === undefined || isUnknown(s) ? s : [s];
}

function hasV6(ranges: Value<readonly string[]>): boolean {
  return !isUnknown(ranges) && ranges !== undefined && ranges.some((r) => r.includes(':'));
}

/**
 * An effective value derived from an attribute of the wrong type: the rule that reads the attribute
 * itself reports the type error, so the derived value is silent (cause `shape`).
 */
export function derived<T>(v: Value<T>): Value<T> {
  return isUnknown(v) && v.cause === 'wrong-type' ? { ...v, cause: 'shape' } : v;
}

/** Every field through {@link derived}, frozen: an effective value object as the caches keep it. */
export function derivedAll<T extends object>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = derived(v as Value<unknown>);
  return Object.freeze(out) as T;
}

/** The network of a cluster as Azure will see it. */
export function effectiveNetwork(cluster: ClusterModel): EffectiveNetwork {
  const cached = networkCache.get(cluster);
  if (cached) return cached;
  const result = derivedAll(network(cluster));
  networkCache.set(cluster, result);
  return result;
}

/** Effective values are computed once per model element (the model is immutable). */
const networkCache = new WeakMap<ClusterModel, EffectiveNetwork>();

function network(cluster: ClusterModel): EffectiveNetwork {
  const np = cluster.networkProfile;
  const rawPlugin = asString(np.networkPlugin);
  const pluginMode = asString(np.networkPluginMode);
  const mode = modeOf(cluster, rawPlugin, pluginMode);
  // without network_plugin the mode decides it (an unknown mode: an unknown plugin)
  const plugin: Value<string> = rawPlugin ?? (isUnknown(mode) ? mode : mode === 'kubenet' ? 'kubenet' : 'azure');
  const writtenFamilies = asStringList(np.ipVersions);
  const families: Value<readonly string[]> = writtenFamilies ?? [...DEFAULT_IP_FAMILIES];
  const dualStack: Value<boolean> = isUnknown(families) ? families : isDualStack(families);

  const pods = written(np.podCidrs, np.podCidr);
  let podCidrs: Value<readonly string[]>;
  if (pods !== undefined) podCidrs = mode === 'node-subnet' ? [] : pods;
  else if (isUnknown(mode)) podCidrs = mode;
  else podCidrs = usesPodCidr(mode) ? [DEFAULT_POD_CIDR] : [];
  const services = written(np.serviceCidrs, np.serviceCidr);
  const serviceCidrs: Value<readonly string[]> = services ?? [DEFAULT_SERVICE_CIDR];
  const writtenDns = asString(np.dnsServiceIp);
  const dnsServiceIpDefaulted = writtenDns === undefined && services === undefined;
  const podsUsed = !isUnknown(mode) && usesPodCidr(mode);
  return {
    plugin,
    pluginDefaulted: rawPlugin === undefined,
    pluginMode,
    mode,
    families,
    familiesDefaulted: writtenFamilies === undefined,
    dualStack,
    podCidrs,
    podCidrsDefaulted: pods === undefined,
    podIpv6ChosenByAks: dualStack === true && podsUsed && !isUnknown(pods) && !hasV6(pods),
    serviceCidrs,
    serviceCidrsDefaulted: services === undefined,
    serviceIpv6ChosenByAks: dualStack === true && !isUnknown(services) && !hasV6(services),
    dnsServiceIp: writtenDns ?? (dnsServiceIpDefaulted ? DEFAULT_DNS_SERVICE_IP : undefined),
    dnsServiceIpDefaulted,
    networkPolicy: asString(np.networkPolicy),
    networkDataPlane: asString(np.networkDataPlane),
    outboundType: asString(np.outboundType),
    loadBalancerSku: asString(np.loadBalancerSku),
  };
}

/** The families of a network as IpFamily values, or an Unknown; values other than IPv4/IPv6 are dropped. */
export function familiesOf(net: EffectiveNetwork): Value<readonly IpFamily[]> {
  if (isUnknown(net.families) || net.families === undefined) return net.families;
  return net.families.filter((f): f is IpFamily => f === 'IPv4' || f === 'IPv6');
}
