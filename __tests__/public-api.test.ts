/**
 * The public API contract of DESIGN.md, called through the package entry (lib/index.ts) by its
 * exact names. `npm test` type-checks this file first (tsc over __tests__), so a renamed or
 * reshaped prop or member fails there; the assertions check that every contract prop reaches
 * the synthesized JSON.
 */
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import * as api from '../lib';
import {
  AksCluster,
  AksClusterProps,
  AksNodePool,
  AksNodePoolProps,
  LoadBalancerService,
  LoadBalancerServiceProps,
  NginxWorkload,
  NginxWorkloadProps,
} from '../lib';

type Json = Record<string, any>;
const values = (json: Json, type: string): Json[] => Object.values(json.resource?.[type] ?? {});

describe('public API contract (DESIGN.md), through lib/index.ts', () => {
  test('the entry exports the constructs', () => {
    for (const name of [
      'AksCluster',
      'AksNodePool',
      'LoadBalancerService',
      'NginxWorkload',
      'AksStackValidation',
      'check',
      'formatFinding',
      'RULE_IDS',
    ] as const) {
      expect(typeof api[name]).toMatch(/^(function|object)$/);
    }
  });

  test('every AksCluster, addNodePool, LoadBalancerService and NginxWorkload prop of the contract reaches the JSON', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const password = new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true });
    const nodes = new Subnet(stack, 'nodes', {
      name: 'nodes',
      resourceGroupName: 'rg',
      virtualNetworkName: 'vnet',
      addressPrefixes: ['10.240.0.0/16'],
    });
    const clusterProps: AksClusterProps = {
      name: 'aks',
      resourceGroupName: 'rg',
      location: 'eastus2',
      dnsPrefix: 'aks-dns',
      kubernetesVersion: '1.33',
      tags: { env: 'dev' },
      skuTier: 'Standard',
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      ipFamilies: ['IPv4', 'IPv6'],
      podCidrs: ['10.244.0.0/16', 'fd12:3456:789a::/64'],
      serviceCidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::/108'],
      dnsServiceIp: '10.0.0.11',
      networkPolicy: 'cilium',
      networkDataplane: 'cilium',
      outboundType: 'loadBalancer',
      defaultNodePool: {
        name: 'sys',
        vmSize: 'Standard_D4s_v5',
        nodeCount: 2,
        minCount: 1,
        maxCount: 4,
        maxPods: 100,
        osSku: 'AzureLinux3',
        zones: ['1', '2'],
        vnetSubnet: nodes,
      },
      windowsProfile: { adminUsername: 'winadmin', adminPassword: password.stringValue },
    };
    const cluster = new AksCluster(stack, 'aks', clusterProps);
    const poolProps: AksNodePoolProps = {
      name: 'win',
      vmSize: 'Standard_D8s_v5',
      nodeCount: 2,
      minCount: 1,
      maxCount: 3,
      mode: 'User',
      osType: 'Windows',
      osSku: 'Windows2022',
      maxPods: 60,
      zones: ['3'],
      vnetSubnet: {
        id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/win',
        addressPrefixes: ['10.241.0.0/16'],
      },
    };
    const pool: AksNodePool = cluster.addNodePool('win', poolProps);
    const resource: KubernetesCluster = cluster.resource;
    const provider: KubernetesProvider = cluster.kubernetesProvider(stack, 'k8s');
    const serviceProps: LoadBalancerServiceProps = {
      name: 'web',
      namespace: 'apps',
      ipFamily: 'IPv6',
      port: 443,
      targetPort: 8443,
      selector: { app: 'web' },
      externalTrafficPolicy: 'Local',
      cluster,
    };
    const service = new LoadBalancerService(stack, 'web', serviceProps);
    const ip: string = service.ip;
    const workloadProps: NginxWorkloadProps = { cluster, replicas: 2, image: 'nginx:1.29', expose: ['IPv4'] };
    const workload = new NginxWorkload(stack, 'nginx', workloadProps);
    const v6: LoadBalancerService = workload.expose('IPv6');

    const json: Json = JSON.parse(Testing.synth(stack));
    const [c] = values(json, 'azurerm_kubernetes_cluster');
    expect(c).toMatchObject({
      name: 'aks',
      resource_group_name: 'rg',
      location: 'eastus2',
      dns_prefix: 'aks-dns',
      kubernetes_version: '1.33',
      tags: { env: 'dev' },
      sku_tier: 'Standard',
      network_profile: {
        network_plugin: 'azure',
        network_plugin_mode: 'overlay',
        ip_versions: ['IPv4', 'IPv6'],
        pod_cidrs: ['10.244.0.0/16', 'fd12:3456:789a::/64'],
        service_cidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::/108'],
        dns_service_ip: '10.0.0.11',
        network_policy: 'cilium',
        network_data_plane: 'cilium',
        outbound_type: 'loadBalancer',
      },
      default_node_pool: {
        name: 'sys',
        vm_size: 'Standard_D4s_v5',
        node_count: 2,
        min_count: 1,
        max_count: 4,
        auto_scaling_enabled: true,
        max_pods: 100,
        os_sku: 'AzureLinux3',
        zones: ['1', '2'],
        vnet_subnet_id: '${azurerm_subnet.nodes.id}',
      },
      windows_profile: { admin_username: 'winadmin', admin_password: '${var.pw}' },
    });
    expect(resource.friendlyUniqueId).toBe(Object.keys(json.resource.azurerm_kubernetes_cluster)[0]);
    expect(values(json, 'azurerm_kubernetes_cluster_node_pool')).toEqual([
      expect.objectContaining({
        name: 'win',
        vm_size: 'Standard_D8s_v5',
        node_count: 2,
        min_count: 1,
        max_count: 3,
        mode: 'User',
        os_type: 'Windows',
        os_sku: 'Windows2022',
        max_pods: 60,
        zones: ['3'],
        vnet_subnet_id: poolProps.vnetSubnet!.id,
        kubernetes_cluster_id: `\${azurerm_kubernetes_cluster.${resource.friendlyUniqueId}.id}`,
      }),
    ]);
    expect(pool.osType).toBe('Windows');
    expect(json.provider.kubernetes).toEqual([
      expect.objectContaining({
        host: `\${azurerm_kubernetes_cluster.${resource.friendlyUniqueId}.kube_config[0].host}`,
      }),
    ]);
    expect(provider.alias).toBeUndefined();
    const services = Object.fromEntries(values(json, 'kubernetes_service_v1').map((s) => [s.metadata.name, s]));
    expect(services.web).toMatchObject({
      metadata: { name: 'web', namespace: 'apps' },
      spec: {
        ip_families: ['IPv6'],
        external_traffic_policy: 'Local',
        selector: { app: 'web' },
        port: [{ port: 443, target_port: '8443' }],
      },
    });
    expect(ip).toMatch(/^\$\{TfToken\[/);
    expect(Object.keys(services).sort()).toEqual(['nginx-ipv4', 'nginx-ipv6', 'web']);
    expect(v6.name).toBe('nginx-ipv6');
    expect(values(json, 'kubernetes_deployment_v1')).toEqual([
      expect.objectContaining({
        spec: expect.objectContaining({
          replicas: '2',
          template: expect.objectContaining({
            spec: expect.objectContaining({ container: [expect.objectContaining({ image: 'nginx:1.29' })] }),
          }),
        }),
      }),
    ]);
  });

  test('single-stack podCidr and serviceCidr', () => {
    const props: AksClusterProps = {
      name: 'aks',
      resourceGroupName: 'rg',
      location: 'eastus2',
      podCidr: '192.168.0.0/16',
      serviceCidr: '10.2.0.0/16',
    };
    const json: Json = JSON.parse(
      Testing.synthScope((s) => {
        new AksCluster(s, 'aks', props);
      }),
    );
    expect(values(json, 'azurerm_kubernetes_cluster')[0].network_profile).toMatchObject({
      pod_cidr: '192.168.0.0/16',
      service_cidr: '10.2.0.0/16',
      dns_service_ip: '10.2.0.10',
    });
  });
});
