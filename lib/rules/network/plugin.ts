/**
 * The network plugin: `network/invalid-value`, `network/overlay-requires-azure`,
 * `network/pod-cidr-without-overlay`, `network/policy-azure-plugin`, `network/kubenet-retiring`.
 * No cdktf imports.
 */
import {
  EBPF_DATA_PLANES,
  KUBENET_RETIREMENT,
  LOAD_BALANCER_SKUS,
  NETWORK_DATA_PLANES,
  NETWORK_PLUGIN_MODES,
  NETWORK_PLUGINS,
  NETWORK_POLICIES,
  OUTBOUND_TYPES,
} from '../../facts';
import { asString, effectiveNetwork, isUnknown, jsonText, type Value } from '../../model';
import { clusterRule } from '../frame';
import type { Finding } from '../types';
import { cut, modeAttribute, pluginAttribute } from '../text';
import { list } from './common';

/** The values azurerm v4.55.0 allows (`validation.StringInSlice`, case-sensitive); 3.x's `ebpf_data_plane` apart. */
const ALLOWED: readonly [string, keyof NetworkProfileKeys, readonly string[]][] = [
  ['network_plugin', 'networkPlugin', NETWORK_PLUGINS],
  ['network_plugin_mode', 'networkPluginMode', NETWORK_PLUGIN_MODES],
  ['network_policy', 'networkPolicy', NETWORK_POLICIES],
  ['network_data_plane', 'networkDataPlane', NETWORK_DATA_PLANES],
  ['outbound_type', 'outboundType', OUTBOUND_TYPES],
  ['load_balancer_sku', 'loadBalancerSku', LOAD_BALANCER_SKUS],
];
type NetworkProfileKeys = Record<
  'networkPlugin' | 'networkPluginMode' | 'networkPolicy' | 'networkDataPlane' | 'outboundType' | 'loadBalancerSku',
  Value<unknown>
>;

/** `network/invalid-value`: a value outside the provider's list fails at plan. */
export const invalidValue = clusterRule('network/invalid-value', (c, r) => {
  const out: Finding[] = [];
  for (const [written, key, values] of ALLOWED) {
    // azurerm 3.x's ebpf_data_plane: its own name and list
    const ebpf = key === 'networkDataPlane' && c.networkProfile.networkDataPlaneAttribute === 'ebpf_data_plane';
    const attribute = ebpf ? 'ebpf_data_plane' : written;
    const allowed: readonly string[] = ebpf ? EBPF_DATA_PLANES : values;
    const v = asString(c.networkProfile[key]);
    if (typeof v !== 'string' || allowed.includes(v)) continue;
    const near = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
    out.push(
      r.report(
        c,
        `network_profile.${attribute} '${cut(v, 40)}' is not one of ${list([...allowed])}`,
        near ? `write '${near}' (values are case-sensitive)` : `use one of ${list([...allowed])}`,
      ),
    );
  }
  return out;
});

/**
 * `network/overlay-requires-azure`: "When `network_plugin_mode` is set to `overlay`, the `network_plugin` field can
 * only be set to `azure`."
 */
export const overlayRequiresAzure = clusterRule('network/overlay-requires-azure', (c, r) => {
  const mode = asString(c.networkProfile.networkPluginMode);
  const plugin = asString(c.networkProfile.networkPlugin);
  if (mode !== 'overlay' || plugin === undefined || plugin === 'azure') return [];
  if (isUnknown(plugin)) {
    const n = r.need(c, 'network_profile.network_plugin', plugin);
    return n.ok ? [] : n.stop;
  }
  if (!(NETWORK_PLUGINS as readonly string[]).includes(plugin)) return []; // network/invalid-value reports it
  return r.report(
    c,
    `network_plugin_mode overlay needs network_plugin azure, but network_plugin is ${plugin}`,
    'set network_plugin = "azure" to use Azure CNI Overlay, or remove network_plugin_mode',
  );
});

/**
 * `network/pod-cidr-without-overlay`: "`pod_cidr` and `azure` cannot be set together unless specifying
 * `network_plugin_mode` to `overlay`" (azurerm kubernetes_cluster_validate.go).
 */
export const podCidrWithoutOverlay = clusterRule('network/pod-cidr-without-overlay', (c, r) => {
  const np = c.networkProfile;
  const single = asString(np.podCidr);
  const many = np.podCidrs;
  // pod_cidrs with a pod subnet (static block allocation) is not shown to be rejected
  const podSubnet =
    c.nodePools.some((p) => p.podSubnetId !== undefined) || c.defaultNodePool?.podSubnetId !== undefined;
  const written = [single, podSubnet ? undefined : many].filter(
    (v) => v !== undefined && !(Array.isArray(v) && v.length === 0),
  );
  if (written.length === 0) return [];
  // a pod range known only after apply (or an expression) may be unset: the rule cannot say
  const open = written.find((v) => isUnknown(v));
  if (open !== undefined && isUnknown(open)) {
    const n = r.need(c, open === single ? 'network_profile.pod_cidr' : 'network_profile.pod_cidrs', open);
    return n.ok ? [] : n.stop;
  }
  const net = effectiveNetwork(c);
  if (isUnknown(net.mode)) {
    const n = r.need(c, modeAttribute(c), net.mode);
    return n.ok ? [] : n.stop;
  }
  if (net.mode !== 'node-subnet') return [];
  const text = (x: unknown): string =>
    isUnknown(x) ? cut(x.expression) : typeof x === 'string' ? cut(x) : jsonText(x);
  const shown = written.map((v) => (Array.isArray(v) ? list(v.map(text)) : text(v))).join(' and ');
  return r.report(
    c,
    `pod range ${shown} is set, but network_plugin azure without network_plugin_mode runs Azure CNI in node-subnet mode, where pods take subnet addresses`,
    'set network_plugin_mode = "overlay" to give pods the range, or remove pod_cidr/pod_cidrs',
  );
});

/**
 * `network/policy-azure-plugin`: "When `network_policy` is set to `azure`, the `network_plugin` field can only be set
 * to `azure`."
 */
export const policyAzurePlugin = clusterRule('network/policy-azure-plugin', (c, r) => {
  const net = effectiveNetwork(c);
  if (net.networkPolicy !== 'azure') return [];
  if (isUnknown(net.plugin)) {
    const n = r.need(c, pluginAttribute(c), net.plugin);
    return n.ok ? [] : n.stop;
  }
  if (net.plugin === 'azure' || !(NETWORK_PLUGINS as readonly string[]).includes(String(net.plugin))) return [];
  return r.report(
    c,
    `network_policy azure (Azure Network Policy Manager) needs network_plugin azure, but network_plugin is ${String(net.plugin)}`,
    'set network_policy = "calico", or move to Azure CNI Overlay (network_plugin = "azure", network_plugin_mode = "overlay")',
  );
});

/** `network/kubenet-retiring`: "Starting on March 31, 2028, AKS no longer supports kubenet networking." */
export const kubenetRetiring = clusterRule('network/kubenet-retiring', (c, r) => {
  const net = effectiveNetwork(c);
  if (net.mode !== 'kubenet') return [];
  const dual = net.dualStack === true ? ' (kubenet dual-stack is no longer documented)' : '';
  return r.report(
    c,
    `network_plugin kubenet is retiring (${KUBENET_RETIREMENT})${dual}`,
    'move to Azure CNI Overlay: network_plugin = "azure", network_plugin_mode = "overlay" (the pod CIDR can stay)',
  );
});
