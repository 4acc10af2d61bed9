/**
 * Azure CNI Powered by Cilium: `network/cilium-plugin`, `network/cilium-policy`. No cdktf imports.
 */
import { asBoolean, effectiveNetwork, isUnknown } from '../../model';
import { clusterRule } from '../frame';
import { cut, dataPlaneAttribute, pluginAttribute } from '../text';

/**
 * `network/cilium-plugin`: "When `network_data_plane` is set to `cilium`, the `network_plugin` field can only be set to
 * `azure`."
 */
export const ciliumPlugin = clusterRule('network/cilium-plugin', (c, r) => {
  const net = effectiveNetwork(c);
  if (net.networkDataPlane !== 'cilium') return [];
  if (isUnknown(net.plugin)) {
    const n = r.need(c, pluginAttribute(c), net.plugin);
    return n.ok ? [] : n.stop;
  }
  if (net.plugin === 'azure' || !['kubenet', 'none'].includes(String(net.plugin))) return [];
  const dp = dataPlaneAttribute(c);
  return r.report(
    c,
    `${dp} cilium needs network_plugin azure, but network_plugin is ${String(net.plugin)}`,
    `set network_plugin = "azure" with network_plugin_mode = "overlay", or remove ${dp}`,
  );
});

/**
 * `network/cilium-policy`: API `NetworkPolicy.cilium` "This requires networkDataplane to be 'cilium'";
 * RP error `CiliumDataplaneRequiresNetworkPolicyCilium` for another policy on the Cilium data plane.
 */
export const ciliumPolicy = clusterRule('network/cilium-policy', (c, r) => {
  const net = effectiveNetwork(c);
  const policy = net.networkPolicy;
  const plane = net.networkDataPlane;
  const dp = dataPlaneAttribute(c);
  if (isUnknown(policy) || isUnknown(plane)) {
    if (policy !== 'cilium' && plane !== 'cilium') return [];
    const u = isUnknown(policy) ? policy : plane;
    const n = r.need(c, isUnknown(policy) ? 'network_profile.network_policy' : `network_profile.${dp}`, u);
    return n.ok ? [] : n.stop;
  }
  if (policy === 'cilium' && plane !== 'cilium') {
    return r.report(
      c,
      `network_policy cilium needs ${dp} cilium, but ${dp} is ${plane === undefined ? 'omitted (azure)' : cut(plane, 40)}`,
      `set ${dp} = "cilium"`,
    );
  }
  if (plane === 'cilium' && (policy === 'azure' || policy === 'calico')) {
    return r.report(
      c,
      `${dp} cilium takes network_policy cilium (or none), but network_policy is ${policy}`,
      'set network_policy = "cilium", or remove network_policy',
    );
  }
  return [];
});

/**
 * `network/acns-security-cilium`: Advanced Container Networking Services security "can be enabled only
 * on cilium based clusters" (AKS API `AdvancedNetworkingSecurity.enabled`); azurerm rejects it otherwise.
 */
export const acnsSecurityCilium = clusterRule('network/acns-security-cilium', (c, r) => {
  const raw = c.networkProfile.advancedNetworkingSecurity;
  if (raw === undefined) return [];
  const net = effectiveNetwork(c);
  if (net.networkDataPlane === 'cilium') return []; // security may be on or off
  const on = r.need(c, 'network_profile.advanced_networking.security_enabled', asBoolean(raw));
  if (!on.ok) return on.stop;
  if (on.value !== true) return [];
  const dp = dataPlaneAttribute(c);
  if (isUnknown(net.networkDataPlane)) {
    const n = r.need(c, `network_profile.${dp}`, net.networkDataPlane);
    return n.ok ? [] : n.stop;
  }
  const plane = net.networkDataPlane === undefined ? 'omitted (azure)' : cut(String(net.networkDataPlane), 40);
  return r.report(
    c,
    `advanced_networking.security_enabled needs the Cilium data plane, but ${dp} is ${plane}`,
    `set ${dp} = "cilium" (with network_plugin = "azure"), or security_enabled = false`,
  );
});
