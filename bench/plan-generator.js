/**
 * Generated Terraform JSON plans for the scale benchmarks and tests (no cdktf, plain objects).
 *
 * `generatePlan(n)`: one document with n clusters, each a dual-stack Azure CNI Overlay cluster on
 * its own VNet and subnet (IPv4 + IPv6), with a Windows node pool on that subnet, a kubernetes
 * provider configured from its kube_config, and two LoadBalancer services (IPv4 and IPv6,
 * externalTrafficPolicy Local): 7 resources and 1 provider per cluster. The document records the
 * dual-stack preview feature as registered (as the constructs write it), so the plan has no findings.
 */
'use strict';

const PREVIEW_FEATURE = 'Microsoft.ContainerService/AzureOverlayDualStackPreview';

/** The resources of cluster i, added to `doc`. */
function addCluster(doc, i) {
  const r = doc.resource;
  const a = Math.floor(i / 256) % 256;
  const b = i % 256;
  const hex = i.toString(16).padStart(4, '0');
  const meta = (id) => ({ metadata: { path: `fleet/${id}`, uniqueId: id } });
  r.azurerm_virtual_network[`vnet${i}`] = {
    '//': meta(`vnet${i}`),
    name: `vnet-${i}`,
    location: 'eastus2',
    resource_group_name: 'rg-fleet',
    address_space: [`10.${a}.${b}.0/24`, `fd00:${hex}::/48`],
  };
  r.azurerm_subnet[`nodes${i}`] = {
    '//': meta(`nodes${i}`),
    name: 'nodes',
    resource_group_name: 'rg-fleet',
    virtual_network_name: `\${azurerm_virtual_network.vnet${i}.name}`,
    address_prefixes: [`10.${a}.${b}.0/25`, `fd00:${hex}:0:1::/64`],
  };
  r.azurerm_kubernetes_cluster[`aks${i}`] = {
    '//': meta(`aks${i}`),
    name: `aks-fleet-${i}`,
    location: 'eastus2',
    resource_group_name: 'rg-fleet',
    dns_prefix: `aks-fleet-${i}`,
    kubernetes_version: '1.33',
    identity: { type: 'SystemAssigned' },
    default_node_pool: {
      name: 'system',
      vm_size: 'Standard_D4s_v5',
      node_count: 3,
      vnet_subnet_id: `\${azurerm_subnet.nodes${i}.id}`,
    },
    network_profile: {
      network_plugin: 'azure',
      network_plugin_mode: 'overlay',
      ip_versions: ['IPv4', 'IPv6'],
      pod_cidrs: ['10.244.0.0/16', 'fd12:3456:789a::/64'],
      service_cidrs: ['172.16.0.0/16', 'fd12:3456:789a:1::/108'],
      dns_service_ip: '172.16.0.10',
    },
    windows_profile: { admin_username: 'azureuser', admin_password: '${var.windows_admin_password}' },
  };
  r.azurerm_kubernetes_cluster_node_pool[`win${i}`] = {
    '//': meta(`win${i}`),
    name: 'npwin',
    kubernetes_cluster_id: `\${azurerm_kubernetes_cluster.aks${i}.id}`,
    vm_size: 'Standard_D4s_v5',
    os_type: 'Windows',
    os_sku: 'Windows2022',
    mode: 'User',
    node_count: 2,
    vnet_subnet_id: `\${azurerm_subnet.nodes${i}.id}`,
  };
  const kube = (field) => `\${azurerm_kubernetes_cluster.aks${i}.kube_config[0].${field}}`;
  doc.provider.kubernetes.push({
    alias: `k${i}`,
    host: kube('host'),
    client_certificate: `\${base64decode(${kube('client_certificate').slice(2, -1)})}`,
    client_key: `\${base64decode(${kube('client_key').slice(2, -1)})}`,
    cluster_ca_certificate: `\${base64decode(${kube('cluster_ca_certificate').slice(2, -1)})}`,
  });
  for (const family of ['IPv4', 'IPv6']) {
    const id = `web${i}-${family.toLowerCase()}`;
    r.kubernetes_service_v1[id] = {
      '//': meta(id),
      provider: `kubernetes.k${i}`,
      metadata: { name: `web-${family.toLowerCase()}`, namespace: 'default' },
      spec: {
        type: 'LoadBalancer',
        external_traffic_policy: 'Local',
        ip_families: [family],
        ip_family_policy: 'SingleStack',
        selector: { app: 'nginx' },
        port: [{ port: 80, target_port: '80' }],
      },
    };
  }
}

/**
 * A Terraform JSON document with `n` clusters (see the file comment).
 * @param {number} n clusters
 * @param {number} [first=0] the index of the first cluster (for one stack per cluster)
 */
function generatePlan(n, first = 0) {
  const doc = {
    '//': { metadata: { stackName: 'fleet', 'cdktf-aks-overlay': { registeredFeatures: [PREVIEW_FEATURE] } } },
    provider: { azurerm: [{ features: [{}] }], kubernetes: [] },
    variable: { windows_admin_password: { type: 'string', sensitive: true } },
    resource: {
      azurerm_virtual_network: {},
      azurerm_subnet: {},
      azurerm_kubernetes_cluster: {},
      azurerm_kubernetes_cluster_node_pool: {},
      kubernetes_service_v1: {},
    },
  };
  for (let i = first; i < first + n; i++) addCluster(doc, i);
  return doc;
}

module.exports = { generatePlan, PREVIEW_FEATURE };
